/*
 * test-docparse-golden.c: the document reader against hand-labelled
 * documents, tests/data/doc/CASE/{input.txt|input.html, expect.json}.
 *
 * Each case is compared field by field: every member of expect.json is
 * one field (a task's path, title, lead list and responsible list are
 * four; a figure's members each one; a warning is one, matched by kind,
 * text and line and by its reading when the expectation gives one). A
 * member the parser produced that the expectation does not have (an
 * extra task, figure, warning or metadata field) counts as a wrong field
 * too. The test prints
 *
 *   docparse accuracy: 312/318 fields (98.1%)
 *
 * over all cases (the seeds, the documents written for the project and
 * the cases handed over with issue 8), and fails if any field of any case
 * is wrong: every case passed in full when it was committed, so a field
 * that goes wrong is a regression, whatever the overall figure says.
 */
#include "tz-test.h"

#include <dirent.h>
#include <sys/stat.h>

#include <jansson.h>

#include "base/buf.h"
#include "base/json.h"
#include "doc/doc.h"

struct tally {
	unsigned ok, total;
	const char *cas;
};

static void miss(struct tally *t, const char *what, const char *want, const char *got)
{
	printf("  %s: %s: want %s, got %s\n", t->cas, what, want ? want : "(absent)",
	       got ? got : "(absent)");
}

static char *dump(json_t *v)
{
	return v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
}

/* Compare one value; counts one field. */
static void field(struct tally *t, const char *what, json_t *want, json_t *got)
{
	t->total++;
	if (want && got && json_equal(want, got)) {
		t->ok++;
		return;
	}
	{
		char *w = dump(want), *g = dump(got);

		miss(t, what, w, g);
		free(w);
		free(g);
	}
}

/* Compare the members of an object; extra members of `got` are wrong. */
static void object(struct tally *t, const char *prefix, json_t *want, json_t *got,
		   const char **skip)
{
	const char *key;
	json_t *v;
	char what[128];

	json_object_foreach(want, key, v) {
		snprintf(what, sizeof(what), "%s%s", prefix, key);
		field(t, what, v, got ? json_object_get(got, key) : NULL);
	}
	if (!got)
		return;
	json_object_foreach(got, key, v) {
		int skipped = 0;

		for (const char **s = skip; s && *s; s++)
			skipped |= !strcmp(*s, key);
		if (skipped || json_object_get(want, key))
			continue;
		snprintf(what, sizeof(what), "%s%s (unexpected)", prefix, key);
		field(t, what, NULL, v);
	}
}

static int warning_match(json_t *w, json_t *g)
{
	static const char *keys[] = { "kind", "text", "line", "reading" };

	for (size_t k = 0; k < 4; k++) {
		json_t *a = json_object_get(w, keys[k]);

		if (!a)
			continue;
		if (!json_equal(a, json_object_get(g, keys[k])))
			return 0;
	}
	return 1;
}

static void compare(struct tally *t, json_t *want, json_t *got)
{
	static const char *top_skip[] = { "tasks", "figures", "warnings", "catalogue", "proposal",
					   "reply", NULL };
	static const char *item_skip[] = { "line", "detail", NULL };
	static const char *objs[] = { "catalogue", "proposal", "reply" };
	json_t *wa, *ga;
	size_t i;
	char what[128];

	{
		/* scalar members of the top level */
		const char *key;
		json_t *v;

		json_object_foreach(want, key, v) {
			int skip = 0;

			for (const char **s = top_skip; *s; s++)
				skip |= !strcmp(*s, key);
			if (!skip)
				field(t, key, v, json_object_get(got, key));
		}
		json_object_foreach(got, key, v) {
			int skip = 0;

			for (const char **s = top_skip; *s; s++)
				skip |= !strcmp(*s, key);
			if (!skip && !json_object_get(want, key)) {
				snprintf(what, sizeof(what), "%s (unexpected)", key);
				field(t, what, NULL, v);
			}
		}
	}
	for (i = 0; i < 3; i++) {
		json_t *w = json_object_get(want, objs[i]), *g = json_object_get(got, objs[i]);
		json_t *empty = json_object();

		snprintf(what, sizeof(what), "%s.", objs[i]);
		object(t, what, w ? w : empty, g, NULL);
		json_decref(empty);
	}
	for (const char **arr = (const char *[]){ "tasks", "figures", NULL }; *arr; arr++) {
		size_t n, gn;

		wa = json_object_get(want, *arr);
		ga = json_object_get(got, *arr);
		n = wa ? json_array_size(wa) : 0;
		gn = ga ? json_array_size(ga) : 0;
		for (i = 0; i < n; i++) {
			snprintf(what, sizeof(what), "%s[%zu].", *arr, i);
			object(t, what, json_array_get(wa, i), i < gn ? json_array_get(ga, i) : NULL,
			       item_skip);
		}
		for (; i < gn; i++) {
			snprintf(what, sizeof(what), "%s[%zu] (unexpected)", *arr, i);
			field(t, what, NULL, json_array_get(ga, i));
		}
	}
	wa = json_object_get(want, "warnings");
	ga = json_object_get(got, "warnings");
	{
		size_t n = wa ? json_array_size(wa) : 0, gn = ga ? json_array_size(ga) : 0;
		char used[512] = { 0 };

		for (i = 0; i < n; i++) {
			json_t *w = json_array_get(wa, i), *hit = NULL;

			for (size_t k = 0; k < gn && k < sizeof(used); k++)
				if (!used[k] && warning_match(w, json_array_get(ga, k))) {
					used[k] = 1;
					hit = json_array_get(ga, k);
					break;
				}
			snprintf(what, sizeof(what), "warnings[%zu]", i);
			field(t, what, w, hit ? w : NULL);
		}
		for (size_t k = 0; k < gn && k < sizeof(used); k++)
			if (!used[k]) {
				snprintf(what, sizeof(what), "warnings (unexpected)");
				field(t, what, NULL, json_array_get(ga, k));
			}
	}
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		free(buf);
		fclose(fp);
		return NULL;
	}
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_golden(void **state)
{
	char dir[1024], path[1400];
	DIR *dp;
	struct dirent *de;
	char *names[256];
	size_t nnames = 0;
	unsigned seed_ok = 0, seed_total = 0, own_ok = 0, own_total = 0, own_cases = 0;
	unsigned bad_cases = 0;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/doc", tz_test_data());
	dp = opendir(dir);
	assert_non_null(dp);
	while ((de = readdir(dp)) && nnames < 256) {
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (de->d_name[0] != '.' && !stat(path, &st) && S_ISDIR(st.st_mode))
			names[nnames++] = strdup(de->d_name);
	}
	closedir(dp);
	qsort(names, nnames, sizeof(names[0]), cmp_names);
	for (size_t c = 0; c < nnames; c++) {
		struct tally t = { 0, 0, names[c] };
		struct tz_doc *doc = NULL;
		struct tz_err err;
		struct tz_json j;
		json_t *want, *got;
		json_error_t jerr;
		char *in;
		size_t len;

		snprintf(path, sizeof(path), "%s/%s/input.txt", dir, names[c]);
		in = slurp(path, &len);
		if (!in) {
			snprintf(path, sizeof(path), "%s/%s/input.html", dir, names[c]);
			in = slurp(path, &len);
		}
		assert_non_null(in);
		snprintf(path, sizeof(path), "%s/%s/expect.json", dir, names[c]);
		want = json_load_file(path, 0, &jerr);
		if (!want)
			fail_msg("%s: %s line %d", path, jerr.text, jerr.line);
		assert_int_equal(tz_docparse(in, len, &doc, &err), 0);
		tz_json_init(&j, NULL, 0);
		tz_doc_write_json(doc, &j);
		got = json_loadb(j.out.buf, j.out.len, 0, &jerr);
		assert_non_null(got);
		compare(&t, want, got);
		printf("%-28s %u/%u\n", names[c], t.ok, t.total);
		bad_cases += t.ok != t.total;
		if (!strncmp(names[c], "seed-", 5)) {
			seed_ok += t.ok;
			seed_total += t.total;
		} else {
			own_ok += t.ok;
			own_total += t.total;
			own_cases++;
		}
		json_decref(want);
		json_decref(got);
		tz_json_release(&j);
		tz_doc_free(doc);
		free(in);
		free(names[c]);
	}
	printf("seeds: %u/%u fields; own documents (%u): %u/%u fields (%.1f%%)\n", seed_ok,
	       seed_total, own_cases, own_ok, own_total,
	       own_total ? 100.0 * own_ok / own_total : 100.0);
	printf("docparse accuracy: %u/%u fields (%.1f%%)\n", seed_ok + own_ok,
	       seed_total + own_total,
	       100.0 * (seed_ok + own_ok) / (seed_total + own_total ? seed_total + own_total : 1));
	fflush(stdout);
	assert_int_equal(seed_ok, seed_total);
	assert_true(own_cases >= 106);
	if (bad_cases)
		fail_msg("%u case(s) with wrong fields (listed above)", bad_cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
