/* err.c: filling in struct tz_err. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/banned.h"

void tz_err_clear(struct tz_err *err)
{
	if (!err)
		return;
	err->code = 0;
	err->msg[0] = '\0';
	err->file[0] = '\0';
	err->line = 0;
	err->field[0] = '\0';
}

/*
 * Text cut to fit a field may end in part of a UTF-8 character; messages
 * are Chinese and go to users and into JSON, so drop the broken tail.
 */
static void drop_partial_utf8(char *s)
{
	size_t n = strlen(s), i = n;
	unsigned char lead;
	size_t need;

	while (i > 0 && n - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	lead = (unsigned char)s[i - 1];
	need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (n - (i - 1) < need)
		s[i - 1] = '\0';
}

static void copy_str(char *dst, size_t size, const char *src)
{
	if ((size_t)snprintf(dst, size, "%s", src ? src : "") >= size)
		drop_partial_utf8(dst);
}

/*
 * A message is one line: it is printed as "file:line: message", listed
 * one reason a row, and sent in JSON. A cell quoted in it may hold a line
 * break (1000 Alt+Enter 300 in a money cell, <br> in an HTML table) or
 * another control character; write each as \xHH, as the code check in
 * tz_project_validate does, so that the message stays on its line and
 * the clerk sees where the break is. Every message quoting a cell goes
 * through here (audit 9 R20).
 */
static void escape_controls(char *msg, size_t size)
{
	char out[sizeof(((struct tz_err *)0)->msg)];
	size_t n = 0, i;
	int cut = 0;

	for (i = 0; msg[i]; i++) {
		unsigned char c = (unsigned char)msg[i];

		if (c < 0x20 || c == 0x7f)
			break;
	}
	if (!msg[i])
		return;
	memcpy(out, msg, i);
	n = i;
	for (; msg[i]; i++) {
		unsigned char c = (unsigned char)msg[i];

		if (c < 0x20 || c == 0x7f) {
			if (n + 4 >= sizeof(out)) {
				cut = 1;
				break;
			}
			snprintf(out + n, sizeof(out) - n, "\\x%02X", c);
			n += 4;
		} else {
			if (n + 1 >= sizeof(out)) {
				cut = 1;
				break;
			}
			out[n++] = (char)c;
		}
	}
	out[n] = '\0';
	if ((size_t)snprintf(msg, size, "%s", out) >= size || cut)
		drop_partial_utf8(msg);
}

static int err_vset(struct tz_err *err, int code, const char *file, long line,
		    const char *field, const char *fmt, va_list ap)
{
	if (!err)
		return code;
	err->code = code;
	if (vsnprintf(err->msg, sizeof(err->msg), fmt, ap) >= (int)sizeof(err->msg))
		drop_partial_utf8(err->msg);
	escape_controls(err->msg, sizeof(err->msg));
	copy_str(err->file, sizeof(err->file), file);
	err->line = line;
	copy_str(err->field, sizeof(err->field), field);
	return code;
}

int tz_err_set(struct tz_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(err, code, NULL, 0, NULL, fmt, ap);
	va_end(ap);
	return code;
}

int tz_err_set_at(struct tz_err *err, int code, const char *file, long line,
		  const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(err, code, file, line, field, fmt, ap);
	va_end(ap);
	return code;
}

void tz_err_locate(struct tz_err *err, const char *file, long line)
{
	if (!err)
		return;
	if (file)
		copy_str(err->file, sizeof(err->file), file);
	if (line)
		err->line = line;
}

const char *tz_errc_name(int code)
{
	switch (code) {
	case TZ_OK: return "OK";
	case TZ_EINVAL: return "EINVAL";
	case TZ_EIO: return "EIO";
	case TZ_ENOTFOUND: return "ENOTFOUND";
	case TZ_EEXIST: return "EEXIST";
	case TZ_ETOOBIG: return "ETOOBIG";
	case TZ_EENCODING: return "EENCODING";
	case TZ_ESTORE: return "ESTORE";
	case TZ_EREJECTED: return "EREJECTED";
	case TZ_EUSAGE: return "EUSAGE";
	case TZ_EINTERNAL: return "EINTERNAL";
	}
	return "EUNKNOWN";
}

const char *tz_errno_text(int e)
{
	switch (e) {
	case ENOENT: return "文件不存在";
	case EACCES: return "没有权限";
	case EPERM: return "不允许的操作";
	case EISDIR: return "这是一个目录，不是文件";
	case ENOTDIR: return "路径中有一段不是目录";
	case ENOSPC: return "磁盘已满";
	case EDQUOT: return "磁盘配额已用完";
	case EROFS: return "文件系统是只读的";
	case EFBIG: return "文件过大";
	case ENAMETOOLONG: return "文件名过长";
	case ELOOP: return "符号链接层数过多";
	case EMFILE:
	case ENFILE: return "打开的文件过多";
	case EEXIST: return "文件已存在";
	case EBUSY: return "文件正被占用";
	case EIO: return "输入输出错误（磁盘或设备故障）";
	case ENOMEM: return "内存不足";
	case EINVAL: return "参数无效";
	default: return "系统错误";
	}
}
