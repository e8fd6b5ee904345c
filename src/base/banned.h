/*
 * banned.h: functions that are too easy to misuse, poisoned so that a use
 * fails to compile. Use tz_buf, snprintf, strtoll with an end pointer, or
 * the project's own parsers instead.
 */
#ifndef TZ_BANNED_H
#define TZ_BANNED_H

#define TZ_BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) TZ_BANNED(strcpy)
#undef strcat
#define strcat(x, y) TZ_BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) TZ_BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) TZ_BANNED(strncat)
#undef sprintf
#define sprintf(...) TZ_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) TZ_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) TZ_BANNED(strtok)
#undef atoi
#define atoi(x) TZ_BANNED(atoi)
#undef atol
#define atol(x) TZ_BANNED(atol)
#undef atoll
#define atoll(x) TZ_BANNED(atoll)
#undef gets
#define gets(x) TZ_BANNED(gets)

#endif
