/* log.c: the one place that writes log lines. */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "base/log.h"
#include "base/banned.h"

int tz_log_threshold = TZ_LOG_WARN;

void tz_log_raw(int level, const char *fmt, ...)
{
	static const char *names[] = { "debug", "info", "warn", "error" };
	char stamp[32];
	struct tm tm;
	time_t now = time(NULL);
	va_list ap;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "%s level=%s ", stamp, names[level & 3]);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

double tz_clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}
