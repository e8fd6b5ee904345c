/*
 * mhd-load.c: libmicrohttpd loaded when the web application first uses
 * it, not by every command at start-up.
 *
 * Why: the library brings GnuTLS and eight more shared libraries whose
 * relocations the dynamic loader resolves before main: about 10 M
 * instructions of every run of `taizhang` (an import of 10,000 projects
 * is 860 M; bench/README.md, "After the eighth session"), of which only
 * `serve` needs any. The binary is not linked with -lmicrohttpd
 * (Makefile, TZ_MHD_SONAME); the functions the web layer calls are
 * defined here under their own names and declarations (microhttpd.h),
 * each forwarding to the library's, which the first call loads with
 * dlopen (once, under pthread_once). Nothing else changes for callers.
 *
 * If the library cannot be loaded, the first call logs dlerror() and
 * every function fails as the library reports failure: MHD_start_daemon
 * returns NULL (serve refuses to start), a response is NULL, a header
 * or a queue is MHD_NO. Functions that return nothing do nothing; they
 * are only ever given objects the library made, so never run unloaded.
 *
 * Only the variadic calls need care: MHD_start_daemon forwards its
 * options through MHD_start_daemon_va; MHD_get_connection_info and
 * MHD_get_daemon_info forward no extra argument, which the info types
 * this program asks for (client address, bound port) take none of.
 * A new MHD function used by the web layer is added here, or the link
 * fails with it undefined.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "base/log.h"
#include "base/banned.h"

#ifndef TZ_MHD_SONAME
#define TZ_MHD_SONAME "libmicrohttpd.so.12"
#endif

/* The library's functions, by the names of their declarations. */
static struct {
	struct MHD_Daemon *(*start_daemon_va)(unsigned int, uint16_t, MHD_AcceptPolicyCallback,
					      void *, MHD_AccessHandlerCallback, void *, va_list);
	void (*stop_daemon)(struct MHD_Daemon *);
	MHD_socket (*quiesce_daemon)(struct MHD_Daemon *);
	const union MHD_DaemonInfo *(*get_daemon_info)(struct MHD_Daemon *,
						       enum MHD_DaemonInfoType, ...);
	const union MHD_ConnectionInfo *(*get_connection_info)(struct MHD_Connection *,
							       enum MHD_ConnectionInfoType, ...);
	const char *(*lookup_connection_value)(struct MHD_Connection *, enum MHD_ValueKind,
					       const char *);
	struct MHD_Response *(*create_response_from_buffer)(size_t, void *,
							     enum MHD_ResponseMemoryMode);
	struct MHD_Response *(*create_response_from_buffer_with_free_callback_cls)(
		size_t, void *, MHD_ContentReaderFreeCallback, void *);
	struct MHD_Response *(*create_response_from_fd64)(uint64_t, int);
	enum MHD_Result (*add_response_header)(struct MHD_Response *, const char *, const char *);
	enum MHD_Result (*queue_response)(struct MHD_Connection *, unsigned int,
					  struct MHD_Response *);
	void (*destroy_response)(struct MHD_Response *);
	struct MHD_PostProcessor *(*create_post_processor)(struct MHD_Connection *, size_t,
							   MHD_PostDataIterator, void *);
	enum MHD_Result (*post_process)(struct MHD_PostProcessor *, const char *, size_t);
	enum MHD_Result (*destroy_post_processor)(struct MHD_PostProcessor *);
	int loaded;
} mhd;

static pthread_once_t mhd_once = PTHREAD_ONCE_INIT;

/* dlsym into a function pointer: POSIX guarantees the conversion. */
#define FIND(h, field, name) \
	(*(void **)(&mhd.field) = dlsym((h), (name))) != NULL

static void mhd_open(void)
{
	void *h = dlopen(TZ_MHD_SONAME, RTLD_NOW | RTLD_LOCAL);

	if (!h) {
		tz_log(TZ_LOG_ERROR, "web=mhd event=load_failed lib=%s error=%s", TZ_MHD_SONAME,
		       dlerror());
		return;
	}
	mhd.loaded = FIND(h, start_daemon_va, "MHD_start_daemon_va") &&
		     FIND(h, stop_daemon, "MHD_stop_daemon") &&
		     FIND(h, quiesce_daemon, "MHD_quiesce_daemon") &&
		     FIND(h, get_daemon_info, "MHD_get_daemon_info") &&
		     FIND(h, get_connection_info, "MHD_get_connection_info") &&
		     FIND(h, lookup_connection_value, "MHD_lookup_connection_value") &&
		     FIND(h, create_response_from_buffer, "MHD_create_response_from_buffer") &&
		     FIND(h, create_response_from_buffer_with_free_callback_cls,
			  "MHD_create_response_from_buffer_with_free_callback_cls") &&
		     FIND(h, create_response_from_fd64, "MHD_create_response_from_fd64") &&
		     FIND(h, add_response_header, "MHD_add_response_header") &&
		     FIND(h, queue_response, "MHD_queue_response") &&
		     FIND(h, destroy_response, "MHD_destroy_response") &&
		     FIND(h, create_post_processor, "MHD_create_post_processor") &&
		     FIND(h, post_process, "MHD_post_process") &&
		     FIND(h, destroy_post_processor, "MHD_destroy_post_processor");
	if (!mhd.loaded)
		tz_log(TZ_LOG_ERROR, "web=mhd event=load_failed lib=%s error=%s", TZ_MHD_SONAME,
		       dlerror());
	/* The library stays loaded for the life of the process. */
}

/* Whether the library is there, loading it on the first call. */
static int mhd_ready(void)
{
	pthread_once(&mhd_once, mhd_open);
	return mhd.loaded;
}

struct MHD_Daemon *MHD_start_daemon(unsigned int flags, uint16_t port,
				    MHD_AcceptPolicyCallback apc, void *apc_cls,
				    MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
	struct MHD_Daemon *d;
	va_list ap;

	if (!mhd_ready())
		return NULL;
	va_start(ap, dh_cls);
	d = mhd.start_daemon_va(flags, port, apc, apc_cls, dh, dh_cls, ap);
	va_end(ap);
	return d;
}

void MHD_stop_daemon(struct MHD_Daemon *daemon)
{
	if (mhd_ready())
		mhd.stop_daemon(daemon);
}

MHD_socket MHD_quiesce_daemon(struct MHD_Daemon *daemon)
{
	return mhd_ready() ? mhd.quiesce_daemon(daemon) : MHD_INVALID_SOCKET;
}

const union MHD_DaemonInfo *MHD_get_daemon_info(struct MHD_Daemon *daemon,
						enum MHD_DaemonInfoType info_type, ...)
{
	return mhd_ready() ? mhd.get_daemon_info(daemon, info_type) : NULL;
}

const union MHD_ConnectionInfo *MHD_get_connection_info(struct MHD_Connection *connection,
							enum MHD_ConnectionInfoType info_type,
							...)
{
	return mhd_ready() ? mhd.get_connection_info(connection, info_type) : NULL;
}

const char *MHD_lookup_connection_value(struct MHD_Connection *connection,
					enum MHD_ValueKind kind, const char *key)
{
	return mhd_ready() ? mhd.lookup_connection_value(connection, kind, key) : NULL;
}

struct MHD_Response *MHD_create_response_from_buffer(size_t size, void *buffer,
						     enum MHD_ResponseMemoryMode mode)
{
	return mhd_ready() ? mhd.create_response_from_buffer(size, buffer, mode) : NULL;
}

struct MHD_Response *MHD_create_response_from_buffer_with_free_callback_cls(
	size_t size, void *buffer, MHD_ContentReaderFreeCallback crfc, void *crfc_cls)
{
	return mhd_ready() ? mhd.create_response_from_buffer_with_free_callback_cls(
				     size, buffer, crfc, crfc_cls)
			   : NULL;
}

struct MHD_Response *MHD_create_response_from_fd64(uint64_t size, int fd)
{
	return mhd_ready() ? mhd.create_response_from_fd64(size, fd) : NULL;
}

enum MHD_Result MHD_add_response_header(struct MHD_Response *response, const char *header,
					const char *content)
{
	return mhd_ready() ? mhd.add_response_header(response, header, content) : MHD_NO;
}

enum MHD_Result MHD_queue_response(struct MHD_Connection *connection, unsigned int status_code,
				   struct MHD_Response *response)
{
	return mhd_ready() ? mhd.queue_response(connection, status_code, response) : MHD_NO;
}

void MHD_destroy_response(struct MHD_Response *response)
{
	if (mhd_ready())
		mhd.destroy_response(response);
}

struct MHD_PostProcessor *MHD_create_post_processor(struct MHD_Connection *connection,
						    size_t buffer_size, MHD_PostDataIterator iter,
						    void *iter_cls)
{
	return mhd_ready() ? mhd.create_post_processor(connection, buffer_size, iter, iter_cls)
			   : NULL;
}

enum MHD_Result MHD_post_process(struct MHD_PostProcessor *pp, const char *post_data,
				 size_t post_data_len)
{
	return mhd_ready() ? mhd.post_process(pp, post_data, post_data_len) : MHD_NO;
}

enum MHD_Result MHD_destroy_post_processor(struct MHD_PostProcessor *pp)
{
	return mhd_ready() ? mhd.destroy_post_processor(pp) : MHD_NO;
}
