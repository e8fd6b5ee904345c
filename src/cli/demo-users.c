/*
 * demo-users.c: the demo city's web accounts (web.md "Demo"): one of each
 * role, with reporters for two regions and a department, and a leader
 * whose name is the 包联领导 the demo's ledgers name most often, so that
 * the leader's list spans regions. Every password is `demo-taizhang`,
 * hashed with Argon2id at libsodium's INTERACTIVE cost so that making a
 * demo stays fast; the accounts are marked as demo accounts, and the
 * server shows a banner on every page while one is enabled.
 */
#include <stdio.h>
#include <string.h>

#include "base/hmap.h"
#include "cli/cli.h"
#include "core/org.h"
#include "core/user.h"
#include "store/store.h"
#include "web/auth.h"
#include "base/banned.h"

#define DEMO_PASSWORD "demo-taizhang"

/* Distinct projects per leader key; the most frequent wins, ties to the
 * smallest key, so the same demo always gets the same leader. */
struct tally {
	struct tz_hmap *seen;
	struct tz_hmap *count;
};

static int tally(void *ctx, const struct tz_project *p)
{
	struct tally *t = ctx;
	char key[TZ_LEADER_KEY_MAX];
	int64_t n = 0;

	if (!*p->leader || !tz_hmap_put(t->seen, p->code, strlen(p->code), 1, NULL))
		return 0;
	tz_leader_key(p->leader, key);
	if (!*key)
		return 0;
	tz_hmap_get(t->count, key, strlen(key), &n);
	tz_hmap_put(t->count, key, strlen(key), n + 1, NULL);
	return 0;
}

int tz_demo_top_leader(struct tz_store *s, char *out, size_t size, long *projects,
		       struct tz_err *err)
{
	struct tally t = { tz_hmap_new(), tz_hmap_new() };
	size_t pos = 0, len;
	const char *key;
	int64_t n, best = 0;
	int rc = tz_store_each_project(s, 0, tally, &t, err);

	out[0] = '\0';
	while (!rc && tz_hmap_next(t.count, &pos, &key, &len, &n)) {
		if (len >= size)
			continue;
		if (n > best || (n == best && (strlen(out) != len ? strlen(out) > len
								   : memcmp(key, out, len) < 0))) {
			memcpy(out, key, len);
			out[len] = '\0';
			best = n;
		}
	}
	*projects = (long)best;
	tz_hmap_free(t.seen);
	tz_hmap_free(t.count);
	return rc;
}

int tz_demo_users(struct tz_store *s, struct tz_err *err)
{
	struct demo_user {
		const char *login, *name, *org;
		enum tz_role role;
	} const users[] = {
		{ "admin", "系统管理员", "210800", TZ_ROLE_ADMIN },
		{ "coordinator", "市发改委调度员", "210800", TZ_ROLE_COORDINATOR },
		{ "coordinator-gz", "盖州市调度员", "210881", TZ_ROLE_COORDINATOR },
		{ "reporter-byq", "鲅鱼圈区填报员", "210804", TZ_ROLE_REPORTER },
		{ "reporter-gz", "盖州市填报员", "210881", TZ_ROLE_REPORTER },
		{ "reporter-jt", "市交通运输局填报员", "210800-03", TZ_ROLE_REPORTER },
		{ "leader", NULL, "210800-00", TZ_ROLE_LEADER },
	};
	struct tz_org_index *x = tz_org_index_new();
	struct tz_actor who;
	char leader[TZ_LEADER_KEY_MAX], hash[TZ_PWHASH_MAX];
	long leads = 0;
	int rc;

	tz_cli_actor(&who, 0);
	if ((rc = tz_store_org_load(s, x, err)) || (rc = tz_demo_top_leader(s, leader, sizeof(leader), &leads, err)))
		goto out;
	printf("\n演示账号（密码都是 %s）：\n", DEMO_PASSWORD);
	for (size_t i = 0; i < sizeof(users) / sizeof(users[0]); i++) {
		const struct tz_org_node *node = tz_org_index_by_code(x, users[i].org);
		struct tz_user u = { 0 };

		if (!node) {
			rc = tz_err_set(err, TZ_EINTERNAL, "demo node %s missing", users[i].org);
			goto out;
		}
		u.login = users[i].login;
		u.role = users[i].role;
		u.org_id = node->id;
		u.name = users[i].name ? users[i].name : leader;
		u.leader_name = users[i].role == TZ_ROLE_LEADER ? leader : "";
		u.demo = 1;
		u.created = who.at;
		if (users[i].role == TZ_ROLE_LEADER && !*leader)
			continue;  /* a ledger without leaders: no leader account */
		if ((rc = tz_password_hash(DEMO_PASSWORD, TZ_PW_INTERACTIVE, hash, err)) ||
		    (rc = tz_store_user_add(s, &u, hash, &who, NULL, err)))
			goto out;
		printf("  %-15s %-10s %s%s", u.login, tz_role_label(u.role), node->name,
		       users[i].role == TZ_ROLE_LEADER ? "，包联领导 " : "");
		if (users[i].role == TZ_ROLE_LEADER)
			printf("%s（%ld 个项目）", leader, leads);
		printf("\n");
	}
out:
	tz_org_index_free(x);
	return rc;
}
