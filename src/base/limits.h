/*
 * limits.h: named size limits. Every growing buffer that holds outside
 * input takes its cap from here, so a hostile file or request fails with
 * TZ_ETOOBIG instead of exhausting memory.
 */
#ifndef TZ_LIMITS_H
#define TZ_LIMITS_H

#define TZ_LIMIT_FIELD   (64u * 1024)          /* one spreadsheet cell */
#define TZ_LIMIT_RECORD  (1u * 1024 * 1024)    /* one spreadsheet row */
#define TZ_LIMIT_DOC     (64u * 1024 * 1024)   /* one document to parse */
#define TZ_LIMIT_OUTPUT  (1024u * 1024 * 1024) /* one generated report */
#define TZ_LIMIT_DEFAULT (16u * 1024 * 1024)   /* anything else */
#define TZ_LIMIT_FORM    (1u * 1024 * 1024)    /* one web request's form or JSON body */
#define TZ_LIMIT_BODY    (64u * 1024 * 1024)   /* one web upload (a spreadsheet to import) */

#endif
