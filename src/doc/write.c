/*
 * write.c: a parsed document as JSON (shared/spec/documents.md)
 * and as Chinese text for a person.
 *
 * JSON members are absent when the document does not state them: a NULL
 * string, an empty object (catalogue, proposal, reply) or an empty array
 * (tasks, figures, warnings) is left out. A task always has its `lead` and
 * `responsible` arrays, empty or not, and a `deadline` when it has one.
 * The text view's task table has a 完成时限 column ("—" when none).
 */
#include <errno.h>
#include <string.h>

#include "base/text.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

static void kv(struct tz_json *j, const char *key, const char *v)
{
	if (v)
		tz_json_kv_str(j, key, v);
}

static void strs(struct tz_json *j, const char *key, const char **v, size_t n)
{
	tz_json_key(j, key);
	tz_json_array_begin(j);
	for (size_t i = 0; i < n; i++)
		tz_json_str(j, v[i]);
	tz_json_array_end(j);
}

void tz_doc_write_json(const struct tz_doc *d, struct tz_json *j)
{
	tz_json_object_begin(j);
	tz_json_kv_str(j, "kind", tz_doc_kind_name(d->kind));
	kv(j, "title", d->title);
	kv(j, "doc_number", d->doc_number);
	kv(j, "issuer", d->issuer);
	kv(j, "date", d->date);
	kv(j, "publish_date", d->publish_date);
	if (d->catalogue.index_no || d->catalogue.publisher || d->catalogue.genre ||
	    d->catalogue.topic) {
		tz_json_key(j, "catalogue");
		tz_json_object_begin(j);
		kv(j, "index_no", d->catalogue.index_no);
		kv(j, "publisher", d->catalogue.publisher);
		kv(j, "genre", d->catalogue.genre);
		kv(j, "topic", d->catalogue.topic);
		tz_json_object_end(j);
	}
	if (d->proposal.session || d->proposal.number || d->proposal.proposer ||
	    d->proposal.title) {
		tz_json_key(j, "proposal");
		tz_json_object_begin(j);
		kv(j, "session", d->proposal.session);
		kv(j, "number", d->proposal.number);
		kv(j, "proposer", d->proposal.proposer);
		kv(j, "title", d->proposal.title);
		tz_json_object_end(j);
	}
	if (d->kind == TZ_DOC_PROPOSAL_REPLY &&
	    (d->reply.org || d->reply.date || d->reply.official || d->reply.handler ||
	     d->reply.phone)) {
		tz_json_key(j, "reply");
		tz_json_object_begin(j);
		kv(j, "org", d->reply.org);
		kv(j, "date", d->reply.date);
		kv(j, "official", d->reply.official);
		kv(j, "handler", d->reply.handler);
		kv(j, "phone", d->reply.phone);
		tz_json_object_end(j);
	}
	if (d->ntasks) {
		tz_json_key(j, "tasks");
		tz_json_array_begin(j);
		for (size_t i = 0; i < d->ntasks; i++) {
			const struct tz_doc_task *t = &d->tasks[i];

			tz_json_object_begin(j);
			kv(j, "path", t->path);
			kv(j, "title", t->title);
			strs(j, "lead", t->lead, t->nlead);
			strs(j, "responsible", t->responsible, t->nresponsible);
			kv(j, "deadline", t->deadline);
			if (!t->has_units)
				tz_json_kv_bool(j, "has_units", 0);
			tz_json_kv_int(j, "line", t->line);
			tz_json_object_end(j);
		}
		tz_json_array_end(j);
	}
	if (d->nfigures) {
		tz_json_key(j, "figures");
		tz_json_array_begin(j);
		for (size_t i = 0; i < d->nfigures; i++) {
			const struct tz_doc_figure *f = &d->figures[i];

			tz_json_object_begin(j);
			kv(j, "text", f->text);
			kv(j, "label", f->label);
			kv(j, "group", f->group);
			kv(j, "value", f->value);
			kv(j, "unit", f->unit);
			if (f->rank)
				tz_json_kv_int(j, "rank", f->rank);
			tz_json_kv_int(j, "line", f->line);
			tz_json_object_end(j);
		}
		tz_json_array_end(j);
	}
	if (d->nwarnings) {
		tz_json_key(j, "warnings");
		tz_json_array_begin(j);
		for (size_t i = 0; i < d->nwarnings; i++) {
			const struct tz_doc_warning *w = &d->warnings[i];

			tz_json_object_begin(j);
			kv(j, "kind", w->kind);
			kv(j, "text", w->text);
			tz_json_kv_int(j, "line", w->line);
			kv(j, "reading", w->reading);
			kv(j, "detail", w->detail);
			tz_json_object_end(j);
		}
		tz_json_array_end(j);
	}
	tz_json_object_end(j);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

static const char *kind_zh(enum tz_doc_kind k)
{
	switch (k) {
	case TZ_DOC_PROPOSAL_REPLY: return "提案/建议答复";
	case TZ_DOC_WORK_PLAN: return "工作方案（含任务分工）";
	case TZ_DOC_BULLETIN: return "通报";
	case TZ_DOC_OTHER: break;
	}
	return "其他";
}

static const char *warn_zh(const char *kind)
{
	static const struct {
		const char *k, *zh;
	} t[] = {
		{ "injected_text", "疑似篡改插入" }, { "garbled_date", "日期残缺" },
		{ "personal_phone", "私人手机号" }, { "personal_id", "身份证号" },
		{ "sum_mismatch", "分项合计不符" }, { "rate_mismatch", "比率不符" },
		{ "task_without_units", "任务缺少责任单位" }, { "damaged_figure", "数字损坏" },
		{ "invalid_date", "日期不存在" },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (!strcmp(t[i].k, kind))
			return t[i].zh;
	return kind;
}

static void field(FILE *fp, const char *name, const char *v)
{
	if (v)
		fprintf(fp, "%-8s%s\n", name, v);
}

/* Print a list joined by 、 (or "—" when empty). */
static void join(FILE *fp, const char **v, size_t n)
{
	if (!n)
		fputs("—", fp);
	for (size_t i = 0; i < n; i++)
		fprintf(fp, "%s%s", i ? "、" : "", v[i]);
}

int tz_doc_write_text(const struct tz_doc *d, FILE *fp, struct tz_err *err)
{
	fprintf(fp, "文件类型：%s\n", kind_zh(d->kind));
	field(fp, "标题：", d->title);
	field(fp, "文号：", d->doc_number);
	field(fp, "发文单位：", d->issuer);
	field(fp, "成文日期：", d->date);
	field(fp, "发布时间：", d->publish_date);
	field(fp, "索引号：", d->catalogue.index_no);
	field(fp, "发布机构：", d->catalogue.publisher);
	field(fp, "体裁分类：", d->catalogue.genre);
	field(fp, "主题分类：", d->catalogue.topic);
	if (d->kind == TZ_DOC_PROPOSAL_REPLY) {
		fputs("\n【提案/建议】\n", fp);
		field(fp, "会议：", d->proposal.session);
		field(fp, "编号：", d->proposal.number);
		field(fp, "提出人：", d->proposal.proposer);
		field(fp, "题目：", d->proposal.title);
		fputs("\n【答复】\n", fp);
		field(fp, "答复单位：", d->reply.org);
		field(fp, "答复日期：", d->reply.date);
		field(fp, "承办负责人：", d->reply.official);
		field(fp, "承办人：", d->reply.handler);
		field(fp, "联系电话：", d->reply.phone);
	}
	if (d->ntasks) {
		fprintf(fp, "\n【任务分工】共%zu项\n", d->ntasks);
		fputs("序号\t编号\t任务\t牵头单位\t责任单位\t完成时限\t行\n", fp);
		for (size_t i = 0; i < d->ntasks; i++) {
			const struct tz_doc_task *t = &d->tasks[i];

			fprintf(fp, "%zu\t%s\t%s\t", i + 1, t->path, t->title ? t->title : "");
			if (!t->has_units) {
				fputs("（原文未写明）\t（原文未写明）", fp);
			} else {
				join(fp, t->lead, t->nlead);
				fputc('\t', fp);
				join(fp, t->responsible, t->nresponsible);
			}
			fprintf(fp, "\t%s\t%ld\n", t->deadline ? t->deadline : "—", t->line);
		}
	}
	if (d->nfigures) {
		fprintf(fp, "\n【主要指标】共%zu项\n", d->nfigures);
		for (size_t i = 0; i < d->nfigures; i++) {
			const struct tz_doc_figure *f = &d->figures[i];

			fputs("  ", fp);
			if (f->rank > 0)
				fprintf(fp, "第%d位 ", f->rank);
			else if (f->rank < 0)
				fprintf(fp, "倒数第%d位 ", -f->rank);
			if (f->group)
				fprintf(fp, "%s·", f->group);
			fprintf(fp, "%s：%s%s（第%ld行：%s）\n", f->label, f->value ? f->value : "—",
				f->unit && f->value ? f->unit : "", f->line, f->text ? f->text : "");
		}
	}
	if (d->nwarnings) {
		fprintf(fp, "\n【需要注意】共%zu处\n", d->nwarnings);
		for (size_t i = 0; i < d->nwarnings; i++) {
			const struct tz_doc_warning *w = &d->warnings[i];

			fprintf(fp, "  第%ld行 %s：%s", w->line, warn_zh(w->kind), w->text);
			if (w->reading)
				fprintf(fp, "（读作 %s）", w->reading);
			if (w->detail)
				fprintf(fp, "——%s", w->detail);
			fputc('\n', fp);
		}
	} else {
		fputs("\n未发现需要注意的问题。\n", fp);
	}
	if (ferror(fp))
		return tz_err_set(err, TZ_EIO, "写出失败：%s", tz_errno_text(errno));
	return 0;
}
