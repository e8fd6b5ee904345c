/*
 * fuzz-docparse.c: libFuzzer target for the document reader. Every input
 * is parsed; a document that parses is written as JSON and as text, so the
 * writers see whatever the stages produced. Built by `make fuzz` with
 * clang -fsanitize=fuzzer,address,undefined; run by tools/fuzz.sh over the
 * corpus in tests/fuzz/fuzz-docparse/ (the seeds and the golden documents).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/json.h"
#include "doc/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct tz_doc *doc = NULL;
	struct tz_err err;
	struct tz_json j;

	if (!null)
		null = fopen("/dev/null", "w");
	if (tz_docparse((const char *)data, size, &doc, &err))
		return 0;
	tz_json_init(&j, NULL, TZ_JSON_PRETTY);
	tz_doc_write_json(doc, &j);
	tz_json_release(&j);
	if (null)
		tz_doc_write_text(doc, null, &err);
	tz_doc_free(doc);
	return 0;
}
