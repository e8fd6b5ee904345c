/*
 * noise.c: tell page furniture from content.
 *
 * Each line is classified on its normalised form: blank; noise
 * (breadcrumbs "当前位置:首页 > …", "首页 > …", "【字号:", "分享:",
 * "附件:", "视频:", "扫一扫在手机打开当前页", view counters, print/close
 * links, copyright and mirror-site footers); meta (catalogue fields:
 * 发布时间, 索引号, 发布机构, 来源, …, read later by meta.c); or
 * content. Noise and meta lines are not content: titles, tasks, figures
 * and checks never look at them.
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
	"网站标识码", "mirror", "镜像站", "本页镜像", "快照",
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

static int is_breadcrumb(const char *s, size_t len)
{
	/* 首页 > A > B, 首页 » A, 首页>>A */
	size_t i = skip_bullets(s, len, 0);

	if (!tz_dp_at(s, len, i, "首页") && !tz_dp_at(s, len, i, "网站首页") &&
	    !tz_dp_at(s, len, i, "主页"))
		return 0;
	return tz_dp_find(s, i, len, ">") != DP_NONE || tz_dp_find(s, i, len, "»") != DP_NONE ||
	       tz_dp_find(s, i, len, "›") != DP_NONE || tz_dp_find(s, i, len, "/") != DP_NONE ||
	       len - i <= 6;
}

static enum dp_cls classify(const char *s, size_t len)
{
	size_t i, k;

	if (tz_text_is_blank(s, len))
		return DP_BLANK;
	i = skip_bullets(s, len, 0);
	if (is_breadcrumb(s, len))
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

void tz_dp_classify(struct dp_ctx *c)
{
	for (size_t li = 0; li < c->nlines; li++) {
		struct dp_line *l = &c->lines[li];

		l->cls = classify(l->norm, l->norm_len);
	}
}
