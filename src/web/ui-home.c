/*
 * ui-home.c: the health check and the static files. The start page, "/",
 * is the dashboard (工作台, ui-dashboard.c).
 */
#include "web/internal.h"
#include "web/pages.h"
#include "base/banned.h"

int ui_health(struct tz_req *r)
{
	tz_buf_adds(&r->out, "ok\n");
	return tz_resp_body(r, 200, "text/plain; charset=utf-8");
}

int ui_static(struct tz_req *r)
{
	size_t len;
	struct MHD_Response *resp = tz_static_response(r->web->statics, tz_req_param(r, "file"), &len);

	if (!resp)
		return tz_resp_error(r, 404, NULL);
	return tz_resp_prebuilt(r, resp, len);
}
