/*
 * test-import.c: the import pages' two steps without a socket, on the
 * request's clock (r->now): an upload checked in a dry run waits one
 * hour for its confirmation. Confirmed after the hour it is refused (404,
 * a Chinese message saying it expired and nothing was imported), the
 * store is exactly as before (no report, no audit row) and the kept file
 * is gone; confirmed within the hour, the same upload imports.
 */
#include "tz-test.h"

#include <sodium.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "base/xalloc.h"
#include "store/store.h"
#include "web/internal.h"
#include "web/pages.h"

#define HOUR 3600

struct fixture {
	char *dir;
	struct tz_web *w;
	struct tz_store *s;
	struct tz_org_index *x;
	struct tz_user user;
	char kept[4200];   /* $TMPDIR/taizhang-import-UID */
};

/* The uploaded sheet: a report of November for each project. */
static const char reports_csv[] =
	"项目编号,调度期,本期完成投资(万元),开工状态,形象进度\n"
	"P1,2025-11,7.77,已开工,基础施工\n"
	"P2,2025-11,1.5,已开工,主体施工\n";

/* A city with one county, its coordinator at the root, and a 2025 ledger
 * of two projects the uploaded reports are for. */
static int setup(void **state)
{
	static const struct tz_org_node nodes[] = {
		{ 0, "C", "测试市", "", TZ_ORG_CITY, "" },
		{ 0, "R1", "乙县", "C", TZ_ORG_COUNTY, "" },
	};
	struct fixture *f = tz_xcalloc(1, sizeof(*f));
	struct tz_actor who = { 0, "test", 1 };
	char path[4096];

	assert_true(sodium_init() >= 0);
	f->dir = tz_test_tmpdir();
	/* Kept uploads go under $TMPDIR: this test's own directory. */
	assert_int_equal(setenv("TMPDIR", f->dir, 1), 0);
	snprintf(f->kept, sizeof(f->kept), "%s/taizhang-import-%lu", f->dir,
		 (unsigned long)getuid());
	snprintf(path, sizeof(path), "%s/s.db", f->dir);
	assert_int_equal(tz_store_open(&f->s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	f->x = tz_org_index_new();
	for (size_t i = 0; i < 2; i++)
		assert_int_equal(tz_org_index_add(f->x, &nodes[i], NULL), 0);
	assert_int_equal(tz_store_org_save(f->s, f->x, NULL, NULL), 0);
	tz_org_index_free(f->x);
	f->x = tz_org_index_new();
	assert_int_equal(tz_store_org_load(f->s, f->x, NULL), 0);
	f->user = (struct tz_user){ 0, "coord", "调度员", TZ_ROLE_COORDINATOR,
				    tz_org_index_root(f->x)->id, "", 0, 0, 0 };
	assert_int_equal(tz_store_user_add(f->s, &f->user, "h", &who, &f->user.id, NULL), 0);

	assert_int_equal(tz_store_import_begin(f->s, TZ_IMPORT_PROJECTS, "t", NULL), 0);
	for (int i = 1; i <= 2; i++) {
		char code[8];
		struct tz_project p = { .code = code, .name = "测试项目", .category = "",
					.level = "", .nature = "", .owner = "", .leader = "",
					.unit = "", .years = "", .stage = "", .region = "乙县" };

		snprintf(code, sizeof(code), "P%d", i);
		p.region_id = tz_org_index_by_code(f->x, "R1")->id;
		p.year = 2025;
		p.total = 100000;
		assert_int_equal(tz_store_import_project(f->s, &p, NULL), 0);
	}
	assert_int_equal(tz_store_import_commit(f->s, NULL, NULL), 0);

	f->w = tz_xcalloc(1, sizeof(*f->w));
	tz_web_config_defaults(&f->w->cfg);
	assert_int_equal(pthread_mutex_init(&f->w->lock, NULL), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	pthread_mutex_destroy(&f->w->lock);
	free(f->w);
	tz_org_index_free(f->x);
	tz_store_close(f->s);
	tz_test_rmtree(f->dir);
	free(f);
	return 0;
}

/* A POST to `target` by the coordinator at `now`, with the form `form`
 * (urlencoded). */
static struct tz_req *post(struct fixture *f, const char *target, const char *form, int64_t now)
{
	struct tz_req *r = tz_req_new(f->w, NULL, target);
	int other;

	assert_int_equal(tz_req_begin(r, "POST"), 0);
	/* The route, as the server matches it: import routes are decided
	 * on it (its action, tz_route_permits). */
	r->route = tz_route_match(tz_routes, "POST", target, r->arena, r->priv->params,
				  &r->priv->nparams, &other);
	assert_non_null(r->route);
	assert_int_equal(tz_form_parse(r->arena, form, strlen(form), &r->priv->form,
				       &r->priv->nform, NULL), 0);
	r->store = f->s;
	r->org = f->x;
	r->user = &f->user;
	r->csrf = "csrf";
	r->client = "127.0.0.1";
	r->now = now;
	return r;
}

/* Upload the reports at `now` as the server receives a file (a
 * temporary file of the request's, which the dry run moves away): the
 * dry run's page, and the token of its confirmation form into `token`. */
static void upload(struct fixture *f, int64_t now, char token[TZ_TOKEN_TEXT_MAX])
{
	struct tz_req *r = post(f, "/import", "kind=progress", now);
	struct tz_upload *up = tz_xcalloc(1, sizeof(*up));
	char tmp[4300];
	const char *at;
	size_t len;
	FILE *fp;

	snprintf(tmp, sizeof(tmp), "%s/upload", f->dir);
	fp = fopen(tmp, "w");
	assert_non_null(fp);
	assert_int_equal(fputs(reports_csv, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
	up->field = "file";
	up->filename = "十一月调度.csv";
	up->content_type = "text/csv";
	up->path = tz_arena_strdup(r->arena, tmp);
	up->size = sizeof(reports_csv) - 1;
	r->priv->uploads = up;
	r->priv->nuploads = 1;
	assert_int_equal(ui_import_upload(r), 0);
	assert_int_equal(r->priv->status, 200);
	assert_non_null(strstr(r->out.buf, "检查完毕：可以导入 <b>2</b> 行"));
	at = strstr(r->out.buf, "action=\"/import/");
	assert_non_null(at);
	at += strlen("action=\"/import/");
	len = strcspn(at, "\"");
	assert_true(len > 0 && len < TZ_TOKEN_TEXT_MAX);
	memcpy(token, at, len);
	token[len] = '\0';
	tz_req_free(r);
}

/* Confirm `token` at `now`: the response's status; its body into `body`. */
static int confirm(struct fixture *f, const char *token, int64_t now, char *body, size_t size)
{
	char target[128];
	struct tz_req *r;
	int status;

	snprintf(target, sizeof(target), "/import/%s", token);
	r = post(f, target, "", now);
	r->priv->params[0] = (struct tz_kv){ "token", tz_arena_strdup(r->arena, token) };
	r->priv->nparams = 1;
	assert_int_equal(ui_import_commit(r), 0);
	status = r->priv->status;
	snprintf(body, size, "%s", r->out.buf);
	tz_req_free(r);
	return status;
}

static int count_reported(void *ctx, const struct tz_report_view *v)
{
	*(int *)ctx += v->reported;
	return 0;
}

/* Reports of 2025-11 in the store, and its import audit rows. */
static void store_holds(struct fixture *f, int reports, size_t audits)
{
	struct tz_audit_query q = { 0 };
	struct tz_audit_entry *e;
	struct tz_arena *a = tz_arena_new();
	size_t n = 0;
	int got = 0;

	assert_int_equal(tz_store_report_each(f->s, NULL, 0, (struct tz_period){ 2025, 11 },
					      count_reported, &got, NULL), 0);
	assert_int_equal(got, reports);
	q.all = 1;
	q.action = "import.";
	assert_int_equal(tz_store_audit_list(f->s, &q, a, &e, &n, NULL, NULL), 0);
	assert_int_equal(n, audits);
	tz_arena_free(a);
}

static int kept_exists(struct fixture *f, const char *token)
{
	char path[4400];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", f->kept, token);
	return !stat(path, &st);
}

static void test_expired_upload_is_refused(void **state)
{
	struct fixture *f = *state;
	/* The request clock starts now, as the kept directory's age does. */
	int64_t t0 = (int64_t)time(NULL);
	char token[TZ_TOKEN_TEXT_MAX], body[65536];

	upload(f, t0, token);
	assert_true(kept_exists(f, token));
	store_holds(f, 0, 0);

	/* An hour and a second later: refused, saying why, nothing written,
	 * the kept file removed. */
	assert_int_equal(confirm(f, token, t0 + HOUR + 1, body, sizeof(body)), 404);
	assert_non_null(strstr(body, "要导入的文件不存在或已过期（上传后 1 小时内有效），"
				     "没有导入任何数据。请重新上传并检查。"));
	store_holds(f, 0, 0);
	assert_false(kept_exists(f, token));
	/* Asked again, still nothing (and the clock going back does not
	 * bring it back). */
	assert_int_equal(confirm(f, token, t0 + 60, body, sizeof(body)), 404);
	store_holds(f, 0, 0);

	/* The same upload confirmed within the hour imports: the refusal
	 * above was the hour's. */
	upload(f, t0, token);
	assert_int_equal(confirm(f, token, t0 + HOUR - 1, body, sizeof(body)), 200);
	assert_non_null(strstr(body, "已导入 <b>2</b> 行"));
	store_holds(f, 2, 1);
	assert_false(kept_exists(f, token));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_expired_upload_is_refused, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
