/* user.c: roles, user invariants and the leader names of web.md. */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "core/user.h"
#include "base/banned.h"

static const char *const role_names[] = { "", "admin", "coordinator", "reporter", "leader" };
static const char *const role_labels[] = { "", "系统管理员", "调度管理员", "填报员", "领导" };

const char *tz_role_name(enum tz_role r)
{
	return r >= TZ_ROLE_MIN && r <= TZ_ROLE_MAX ? role_names[r] : "";
}

const char *tz_role_label(enum tz_role r)
{
	return r >= TZ_ROLE_MIN && r <= TZ_ROLE_MAX ? role_labels[r] : "";
}

int tz_role_parse(const char *s, enum tz_role *out)
{
	for (int r = TZ_ROLE_MIN; r <= TZ_ROLE_MAX; r++) {
		if (s && (!strcmp(s, role_names[r]) || !strcmp(s, role_labels[r]))) {
			*out = (enum tz_role)r;
			return 0;
		}
	}
	return TZ_EINVAL;
}

static int login_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (!n || n > TZ_LOGIN_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-' || c == '@'))
			return 0;
	}
	return 1;
}

/* Characters in s, or -1 when s is not UTF-8 or holds a control character. */
static long text_chars(const char *s)
{
	const char *p = s, *end = s + strlen(s);
	long n = 0;

	while (p < end) {
		int32_t cp = tz_utf8_next(&p, end);

		if (cp < 0x20 || cp == 0x7f)
			return -1;
		n++;
	}
	return n;
}

int tz_user_validate(const struct tz_user *u, struct tz_err *err)
{
	long n;

	if (!login_valid(u->login))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "登录名",
				     "登录名“%s”无效：应为1到%d个英文字母、数字或 . _ - @",
				     u->login ? u->login : "", TZ_LOGIN_MAX);
	n = u->name ? text_chars(u->name) : 0;
	if (n <= 0 || n > TZ_USER_NAME_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "姓名",
				     n ? "姓名应为1到%d个字符，且不含控制字符" : "姓名不能为空",
				     TZ_USER_NAME_MAX);
	if (u->role < TZ_ROLE_MIN || u->role > TZ_ROLE_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "角色",
				     "角色应为 admin、coordinator、reporter 或 leader");
	if (u->org_id <= 0)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "所属机构", "未指定所属机构");
	if (!u->leader_name)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "包联领导", "包联领导姓名缺失");
	if (u->role == TZ_ROLE_LEADER) {
		char key[TZ_LEADER_KEY_MAX];

		n = text_chars(u->leader_name);
		if (n < 0 || n > TZ_USER_NAME_MAX || !*tz_leader_key(u->leader_name, key))
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "包联领导",
					     "领导账号须填写台账中的包联领导姓名（1到%d个字符）",
					     TZ_USER_NAME_MAX);
	} else if (*u->leader_name) {
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "包联领导",
				     "只有领导账号可以填写包联领导姓名");
	}
	return 0;
}

int tz_password_check(const char *pw, struct tz_err *err)
{
	size_t len = pw ? strlen(pw) : 0;
	long n;

	if (len > TZ_PASSWORD_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "密码", "密码过长（最多%d字节）",
				     TZ_PASSWORD_MAX);
	n = pw ? text_chars(pw) : 0;
	if (n < 0)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "密码", "密码含有无效字符");
	if (n < TZ_PASSWORD_MIN)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "密码", "密码至少%d个字符",
				     TZ_PASSWORD_MIN);
	return 0;
}

#define IDEOGRAPHIC_SPACE "\xe3\x80\x80"  /* U+3000 */
#define TONGZHI "同志"

char *tz_leader_key(const char *text, char key[TZ_LEADER_KEY_MAX])
{
	size_t n = 0, tz = strlen(TONGZHI);
	const char *p = text ? text : "";

	while (*p) {
		size_t clen = 1;

		if (*p == ' ') {
			p++;
			continue;
		}
		if (!strncmp(p, IDEOGRAPHIC_SPACE, 3)) {
			p += 3;
			continue;
		}
		while ((p[clen] & 0xC0) == 0x80)
			clen++;
		if (n + clen >= TZ_LEADER_KEY_MAX)
			break;
		memcpy(key + n, p, clen);
		n += clen;
		p += clen;
	}
	if (n >= tz && !memcmp(key + n - tz, TONGZHI, tz))
		n -= tz;
	key[n] = '\0';
	return key;
}

int tz_leader_match(const char *text, const char *key)
{
	char k[TZ_LEADER_KEY_MAX];

	if (!key || !*key || !text || !*text)
		return 0;
	return !strcmp(tz_leader_key(text, k), key);
}

/* Leader names are short; longer texts are compared on their start. */
#define NAME_CPS 64

#define LEADER_HINTS 3

int tz_leader_check(const char *name, const char *const *keys, size_t n, struct tz_err *err)
{
	char key[TZ_LEADER_KEY_MAX], hint[LEADER_HINTS * (TZ_LEADER_KEY_MAX + 8)];
	const char *best[LEADER_HINTS] = { NULL };
	size_t best_d[LEADER_HINTS], nq, nb = 0, at = 0;
	int32_t q[NAME_CPS], c[NAME_CPS];

	tz_leader_key(name, key);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(keys[i], key))
			return 0;
	nq = tz_utf8_code_points(key, q, NAME_CPS);
	for (size_t i = 0; i < n && nq; i++) {
		size_t d, nc = tz_utf8_code_points(keys[i], c, NAME_CPS), j;

		if (!nc)
			continue;
		d = strstr(keys[i], key) || strstr(key, keys[i]) ? 1 : tz_edit_distance(q, nq, c, nc);
		if (d * 2 > (nq > 1 ? nq : 2))
			continue;
		/* Keep the nearest, ties by name, so the hint is stable. */
		for (j = nb; j > 0 && (d < best_d[j - 1] ||
				       (d == best_d[j - 1] && strcmp(keys[i], best[j - 1]) < 0)); j--)
			if (j < LEADER_HINTS) {
				best[j] = best[j - 1];
				best_d[j] = best_d[j - 1];
			}
		if (j < LEADER_HINTS) {
			best[j] = keys[i];
			best_d[j] = d;
			nb += nb < LEADER_HINTS;
		}
	}
	hint[0] = '\0';
	for (size_t i = 0; i < nb; i++) {
		int w = snprintf(hint + at, sizeof(hint) - at, "%s“%s”", i ? "、" : "", best[i]);

		if (w < 0 || (size_t)w >= sizeof(hint) - at)
			break;
		at += (size_t)w;
	}
	if (nb)
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "包联领导",
				     "包联领导“%s”不在任何台账中，是否为%s？", name, hint);
	return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "包联领导",
			     "包联领导“%s”不在任何台账中（领导账号须填写台账中包联领导的姓名）",
			     name);
}
