/*
 * noise.c: tell page furniture from content.
 *
 * Each line is classified on its normalised form: blank; noise
 * (breadcrumbs "当前位置:首页 > …", "首页 > …", "【字号:", "分享:",
 * "附件:", "视频:", "扫一扫在手机打开当前页", view counters, print/close
 * links, copyright and mirror-site footers, links and file names, a site
 * section alone on its line such as 政府信息公开, downloads and related
 * pages listed at the end); meta (catalogue fields: 发布时间, 索引号,
 * 发布机构, 来源, …, read by catalogue.c); or content. Noise and meta
 * lines are not content: titles, tasks, figures and checks never look at
 * them. A title glued onto the end of a breadcrumb is cut free: the line
 * is shifted to start where the title does.
 */
#include <string.h>

#include "base/text.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

/* A line starting with one of these (after bullets and brackets) is noise. */
static const char *noise_start[] = {
	"当前位置", "您现在的位置", "您的位置", "你的位置", "所在位置", "位置:",
	"字号", "字体:", "字体大小", "分享", "附件:", "视频:", "扫一扫",
	"打印", "关闭", "收藏", "浏览次数", "浏览量", "阅读次数", "阅读量",
	"访问量", "点击数", "点击量", "点击次数", "上一篇", "下一篇", "上一条",
	"下一条", "相关链接", "相关文章", "相关阅读", "相关新闻", "相关附件",
	"版权所有", "copyright", "主办单位:", "主办:", "承办:", "技术支持",
	"网站标识码", "网站地图", "联系我们", "icp备", "公网安备", "建议使用",
	"本站", "本网站", "镜像", "原文链接", "原文地址", "页面抓取", "本页面",
	"返回顶部", "返回首页", "【打印", "【关闭", "【字号", "【字体", "【大",
	"[打印", "[关闭", "[字号", "[大", "微信", "微博", "qq空间", "手机版",
	"来源于:", "转载", "责任编辑", "编辑:", "审核:", "校对:",
};

/* Anywhere in a short line: noise. */
static const char *noise_any[] = {
	"扫一扫在手机打开", "在手机打开当前页", "版权所有", "icp备", "公网安备",
	"网站标识码", "mirror", "镜像", "快照", "wayback", "web.archive", "抓取于",
	"抓取时间", "存档于",
};

static int lower_starts(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit);

	if (len < n)
		return 0;
	for (size_t k = 0; k < n; k++) {
		char ch = s[k];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch + 32);
		if (ch != lit[k])
			return 0;
	}
	return 1;
}

/* Skip bullets and spaces that pages put before a noise word. */
static size_t skip_bullets(const char *s, size_t len, size_t i)
{
	for (;;) {
		size_t n;
		uint32_t cp;

		i = tz_dp_skip_sp(s, len, i);
		if (i >= len)
			return i;
		cp = tz_dp_cp(s, len, i, &n);
		if (cp == 0x2022 || cp == 0xB7 || cp == 0x25CF || cp == 0x25A0 ||
		    cp == '*' || cp == '>' || cp == '|' || cp == 0x25C6)
			i += n;
		else
			return i;
	}
}

/* A breadcrumb separator at s[i]: its length, or 0. */
static size_t crumb_sep(const char *s, size_t len, size_t i)
{
	static const char *seps[] = { ">", "»", "›", "|", "/", "→", "〉" };

	for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++)
		if (tz_dp_at(s, len, i, seps[k]))
			return strlen(seps[k]);
	return 0;
}

/* Two arrows or more (> » › →) between segments of at most twelve
 * characters, and no sentence: a breadcrumb without 首页. */
static int arrows(const char *s, size_t len, size_t i)
{
	static const char *seps[] = { ">", "»", "›", "→" };
	size_t n = 0, seg = 0;

	if (tz_dp_has(s, i, len, "。") || tz_dp_has(s, i, len, ","))
		return 0;
	for (size_t k = i; k < len;) {
		size_t m = 0;

		for (size_t j = 0; j < sizeof(seps) / sizeof(seps[0]) && !m; j++)
			if (tz_dp_at(s, len, k, seps[j]))
				m = strlen(seps[j]);
		if (m) {
			n++;
			seg = 0;
			k += m;
			continue;
		}
		tz_dp_cp(s, len, k, &m);
		if (s[k] != ' ' && ++seg > 12)
			return 0;
		k += m;
	}
	return n >= 2;
}

/*
 * A breadcrumb: "首页 > A > B" (also » › | / →), or a position label
 * ("当前位置:", "您当前的位置:", "你的位置：") in the first characters of
 * the line. Returns 1 and, in *last, where its last segment starts.
 */
static int is_breadcrumb(const char *s, size_t len, size_t *last)
{
	size_t i = skip_bullets(s, len, 0), k, p = DP_NONE, nsep = 0;
	int home = tz_dp_at(s, len, i, "首页") || tz_dp_at(s, len, i, "网站首页") ||
		   tz_dp_at(s, len, i, "主页");

	if (!home) {
		size_t w = tz_dp_find(s, i, len < i + 24 ? len : i + 24, "位置");

		if (w != DP_NONE) {
			w = tz_dp_skip_sp(s, len, w + 6);
			if (w < len && s[w] == ':')
				p = w + 1;
		}
		if (p == DP_NONE && !arrows(s, len, i))
			return 0;
	}
	for (k = i; k < len;) {
		size_t n = crumb_sep(s, len, k);

		if (n) {
			while (k + n < len && crumb_sep(s, len, k + n))
				n += crumb_sep(s, len, k + n); /* ">>" */
			p = k + n;
			nsep++;
			k += n;
			continue;
		}
		tz_dp_cp(s, len, k, &n);
		k += n;
	}
	if (home && !nsep && len - i > 6)
		return 0;
	/* "政务公开 > 规划计划 > 工作方案": no 首页, but two separators or more
	 * between short segments */
	if (!home && p == DP_NONE)
		return 0;
	*last = p == DP_NONE ? len : tz_dp_skip_sp(s, len, p);
	return 1;
}

/* Words that end a site's section name (建议提案办理, 政策文件, 工作动态). */
static const char *menu_words[] = {
	"办理", "文件", "公开", "公告", "动态", "要闻", "通知", "政策", "解读", "信息",
	"专栏", "专题", "计划", "规划", "总结", "报告", "答复", "提案", "建议", "公示",
	"新闻", "资讯", "工作", "其他", "目录", "项目", "简报", "通报", "意见", "批复",
	"内容", "依据", "导航", "正文",
};

static int ends_menu_word(const char *s, size_t b, size_t e)
{
	for (size_t k = 0; k < sizeof(menu_words) / sizeof(menu_words[0]); k++)
		if (tz_dp_ends(s, b, e, menu_words[k]))
			return 1;
	return 0;
}

/*
 * The title a site glued onto the end of its breadcrumb ("…> 建议提案办理
 * 关于政协…的答复"): where it starts in [b, len), or DP_NONE. The section
 * name is the longest head of the last segment (at most 12 characters)
 * that ends with a menu word; what follows must be a title (a title word,
 * six characters or more).
 */
static size_t glued_title(const char *s, size_t len, size_t b)
{
	size_t cut = b, i = b, ncp = 0, e = len;

	tz_dp_trim(s, &b, &e, NULL);
	while (i < e && ncp < 12) {
		size_t n;

		tz_dp_cp(s, e, i, &n);
		i += n;
		ncp++;
		if (ends_menu_word(s, b, i))
			cut = i;
	}
	if (tz_dp_ncp(s, cut, e) < 6 || !tz_dp_has_title_word(s, cut, e))
		return DP_NONE;
	return cut;
}

/* Shift line l to start at norm offset `off` (the chrome before it is
 * dropped: titles and warnings see only what follows). */
static void shift_line(struct dp_line *l, size_t off)
{
	size_t o = tz_dp_orig_off(l, off);

	if (l->map) {
		uint32_t *map = (uint32_t *)l->map;

		for (size_t k = off; k <= l->norm_len; k++)
			map[k] -= (uint32_t)o;
		l->map = map + off;
	}
	l->norm += off;
	l->norm_len -= off;
	l->orig += o;
	l->orig_len -= o;
	l->text_off += o;
}

/* File names and links: "方案.docx", "http://www.….gov.cn/…". */
static int file_or_link(const char *s, size_t len)
{
	static const char *ext[] = { ".doc", ".docx", ".pdf", ".xls", ".xlsx", ".wps", ".ofd",
				     ".zip", ".rar", ".txt", ".et", ".jpg", ".png" };
	size_t b = 0, e = len;

	tz_dp_trim(s, &b, &e, ")]】");
	if (tz_dp_ncp(s, b, e) > 120)
		return 0;
	for (size_t k = 0; k < sizeof(ext) / sizeof(ext[0]); k++) {
		size_t n = strlen(ext[k]);

		if (e - b > n && lower_starts(s + e - n, n, ext[k]))
			return 1;
	}
	return tz_dp_find(s, b, e, "http://") != DP_NONE ||
	       tz_dp_find(s, b, e, "https://") != DP_NONE ||
	       tz_dp_find(s, b, e, "www.") != DP_NONE;
}

/* "某县…", "全市…", "岳阳市…": a short line naming a place before its
 * subject is a title ("某县重点项目通报"), not a site's section; a place
 * word after another ("市县要闻") is a section. */
static int names_place(const char *s, size_t b, size_t e)
{
	static const char *places[] = { "市", "县", "区", "省", "州", "旗" };
	size_t i = b, n;

	for (int k = 0; k < 3 && i < e; k++) {
		uint32_t cp = tz_dp_cp(s, e, i, &n);

		i += n;
		if (!tz_dp_is_han(cp))
			return 0;
		for (size_t p = 0; p < sizeof(places) / sizeof(places[0]); p++)
			if (tz_dp_at(s, e, i, places[p])) {
				for (size_t q = 0; q < sizeof(places) / sizeof(places[0]); q++)
					if (tz_dp_at(s, e, i - n, places[q]))
						return 0;
				return 1;
			}
	}
	return 0;
}

/* A site section alone on its line: "政府信息公开", "政策文件" (at most
 * eight characters, no digits, ending with a menu word, naming no place). */
int tz_dp_section_name(const char *s, size_t len)
{
	size_t b = 0, e = len;

	tz_dp_trim(s, &b, &e, NULL);
	if (e <= b || tz_dp_ncp(s, b, e) > 8 || tz_dp_heading_prefix(s, len) ||
	    tz_dp_at(s, e, b, "关于") || names_place(s, b, e))
		return 0;
	for (size_t k = b; k < e; k++)
		if ((s[k] >= '0' && s[k] <= '9') || s[k] == ':')
			return 0;
	return ends_menu_word(s, b, e) && !tz_dp_is_org(s, b, e);
}

static enum dp_cls classify(const char *s, size_t len)
{
	size_t i, k;

	if (tz_text_is_blank(s, len))
		return DP_BLANK;
	i = skip_bullets(s, len, 0);
	if (is_breadcrumb(s, len, &k) || file_or_link(s, len) || tz_dp_section_name(s, len))
		return DP_NOISE;
	/* "来源:" yes; "来源于企业的…" in a sentence no (catalogue.c). */
	if (tz_dp_catalogue_line(s + i, len - i))
		return DP_META;
	for (k = 0; k < sizeof(noise_start) / sizeof(noise_start[0]); k++)
		if (lower_starts(s + i, len - i, noise_start[k])) {
			/* A short line, or a label: "分享:" but not "分享经验…。" */
			if (len - i < 60 || tz_dp_find(s, i, len, "。") == DP_NONE)
				return DP_NOISE;
		}
	if (len < 200)
		for (k = 0; k < sizeof(noise_any) / sizeof(noise_any[0]); k++) {
			size_t n = strlen(noise_any[k]);

			for (size_t j = 0; j + n <= len; j++)
				if (lower_starts(s + j, len - j, noise_any[k]))
					return DP_NOISE;
		}
	/* A line of only punctuation and symbols (separators, "|"). */
	for (k = i; k < len;) {
		size_t n;
		uint32_t cp = tz_dp_cp(s, len, k, &n);

		if (tz_dp_is_han(cp) || (cp >= '0' && cp <= '9') ||
		    (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
			return DP_CONTENT;
		k += n;
	}
	return DP_NOISE;
}

/* Labels after which a page lists downloads or related pages. */
static const char *trailer_labels[] = {
	"附件下载", "文件下载", "下载附件", "关联文件", "相关文件", "相关附件", "相关链接",
	"相关文章", "相关阅读", "相关新闻", "相关稿件", "相关政策", "相关解读",
};

static int trailer_label(const struct dp_line *l)
{
	size_t b = skip_bullets(l->norm, l->norm_len, 0);

	for (size_t k = 0; k < sizeof(trailer_labels) / sizeof(trailer_labels[0]); k++)
		if (tz_dp_at(l->norm, l->norm_len, b, trailer_labels[k]))
			return tz_dp_ncp(l->norm, b, l->norm_len) <= 40;
	return 0;
}

void tz_dp_classify(struct dp_ctx *c)
{
	size_t li, seen = 0, upto;

	for (li = 0; li < c->nlines; li++) {
		struct dp_line *l = &c->lines[li];
		size_t last;

		l->cls = classify(l->norm, l->norm_len);
		/* the title a breadcrumb runs into */
		if (l->cls == DP_NOISE && is_breadcrumb(l->norm, l->norm_len, &last) &&
		    (last = glued_title(l->norm, l->norm_len, last)) != DP_NONE) {
			shift_line(l, last);
			l->cls = DP_CONTENT;
		}
	}
	/* Downloads and related pages at the end ("文件下载:", "关联文件:" and
	 * the short lines under them) are not content: the signature comes
	 * before them. */
	for (li = c->nlines, upto = c->nlines; li-- > 0 && seen < 16;) {
		struct dp_line *l = &c->lines[li];
		size_t b, e;

		if (l->cls == DP_BLANK)
			continue;
		if (trailer_label(l)) {
			for (size_t k = li; k < upto; k++)
				if (c->lines[k].cls == DP_CONTENT || k == li)
					c->lines[k].cls = DP_NOISE;
			upto = li; /* each line is marked once */
			continue;
		}
		tz_dp_line_bounds(l, &b, &e);
		if (tz_dp_ncp(l->norm, b, e) > 60)
			break;
		seen++;
	}
}
