/*
 * log.h: levelled logging to stderr (after Redis' serverLog).
 *
 * tz_log() skips formatting entirely when the level is off. Messages are
 * one line of key=value fields for developers and operators; what users
 * must read goes through the error path in Chinese instead.
 */
#ifndef TZ_LOG_H
#define TZ_LOG_H

enum tz_log_level { TZ_LOG_DEBUG = 0, TZ_LOG_INFO, TZ_LOG_WARN, TZ_LOG_ERROR, TZ_LOG_OFF };

/* The threshold, set once by main from config (TZ_LOG_LEVEL). */
extern int tz_log_threshold;

void tz_log_raw(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Milliseconds on the monotonic clock, for timings in log lines. */
double tz_clock_ms(void);

#define tz_log(level, ...)                                                   \
	do {                                                                 \
		if ((level) >= tz_log_threshold)                             \
			tz_log_raw((level), __VA_ARGS__);                    \
	} while (0)

#endif
