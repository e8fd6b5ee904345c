/*
 * xml-fns.h: the libxml2 functions this program calls, one list for
 * xml-load.c (which looks them up) and xml-fwd.c (which defines them
 * under their own names). Not for other files: they call the functions
 * by their names, after tz_dl_xml_load() (see xml-load.h).
 *
 * A function added to the callers is added here, or the link of
 * `taizhang` fails with it undefined. None is variadic.
 */
#ifndef TZ_DL_XML_FNS_H
#define TZ_DL_XML_FNS_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

/* F(return type, name, (parameters), (arguments)); V for void ones. */
#define XML_FUNCTIONS(F, V) \
	F(htmlParserCtxtPtr, htmlCreatePushParserCtxt, (htmlSAXHandlerPtr sax, void *user_data, const char *chunk, int size, const char *filename, xmlCharEncoding enc), (sax, user_data, chunk, size, filename, enc)) \
	F(int, htmlCtxtUseOptions, (htmlParserCtxtPtr ctxt, int options), (ctxt, options)) \
	V(htmlFreeParserCtxt, (htmlParserCtxtPtr ctxt), (ctxt)) \
	F(int, htmlParseChunk, (htmlParserCtxtPtr ctxt, const char *chunk, int size, int terminate), (ctxt, chunk, size, terminate)) \
	F(xmlNodePtr, xmlAddChild, (xmlNodePtr parent, xmlNodePtr cur), (parent, cur)) \
	F(xmlNodePtr, xmlAddNextSibling, (xmlNodePtr cur, xmlNodePtr elem), (cur, elem)) \
	F(xmlNodePtr, xmlAddPrevSibling, (xmlNodePtr cur, xmlNodePtr elem), (cur, elem)) \
	F(xmlNodePtr, xmlCopyNode, (xmlNodePtr node, int recursive), (node, recursive)) \
	V(xmlDocDumpMemoryEnc, (xmlDocPtr out_doc, xmlChar **doc_txt_ptr, int * doc_txt_len, const char *txt_encoding), (out_doc, doc_txt_ptr, doc_txt_len, txt_encoding)) \
	F(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc)) \
	V(xmlFreeDoc, (xmlDocPtr cur), (cur)) \
	V(xmlFreeNode, (xmlNodePtr cur), (cur)) \
	V(xmlFreeTextReader, (xmlTextReaderPtr reader), (reader)) \
	F(xmlChar *, xmlGetProp, (const xmlNode *node, const xmlChar *name), (node, name)) \
	F(xmlNodePtr, xmlNewChild, (xmlNodePtr parent, xmlNsPtr ns, const xmlChar *name, const xmlChar *content), (parent, ns, name, content)) \
	F(xmlNodePtr, xmlNewNode, (xmlNsPtr ns, const xmlChar *name), (ns, name)) \
	F(xmlAttrPtr, xmlNewProp, (xmlNodePtr node, const xmlChar *name, const xmlChar *value), (node, name, value)) \
	F(xmlDocPtr, xmlReadMemory, (const char *buffer, int size, const char *URL, const char *encoding, int options), (buffer, size, URL, encoding, options)) \
	F(xmlTextReaderPtr, xmlReaderForFile, (const char *filename, const char *encoding, int options), (filename, encoding, options)) \
	F(xmlTextReaderPtr, xmlReaderForIO, (xmlInputReadCallback ioread, xmlInputCloseCallback ioclose, void *ioctx, const char *URL, const char *encoding, int options), (ioread, ioclose, ioctx, URL, encoding, options)) \
	V(xmlStopParser, (xmlParserCtxtPtr ctxt), (ctxt)) \
	F(const xmlChar *, xmlTextReaderConstLocalName, (xmlTextReaderPtr reader), (reader)) \
	F(const xmlChar *, xmlTextReaderConstValue, (xmlTextReaderPtr reader), (reader)) \
	F(xmlDocPtr, xmlTextReaderCurrentDoc, (xmlTextReaderPtr reader), (reader)) \
	F(int, xmlTextReaderIsEmptyElement, (xmlTextReaderPtr reader), (reader)) \
	F(int, xmlTextReaderMoveToElement, (xmlTextReaderPtr reader), (reader)) \
	F(int, xmlTextReaderMoveToNextAttribute, (xmlTextReaderPtr reader), (reader)) \
	F(int, xmlTextReaderNext, (xmlTextReaderPtr reader), (reader)) \
	F(int, xmlTextReaderNodeType, (xmlTextReaderPtr reader), (reader)) \
	F(int, xmlTextReaderRead, (xmlTextReaderPtr reader), (reader)) \
	V(xmlTextReaderSetErrorHandler, (xmlTextReaderPtr reader, xmlTextReaderErrorFunc f, void *arg), (reader, f, arg)) \
	V(xmlUnlinkNode, (xmlNodePtr cur), (cur))

/* The library's functions, found by xml-load.c: tz_fn_NAME. */
#define XML_POINTER(ret, name, params, args) extern ret(*tz_fn_##name) params;
#define XML_POINTER_V(name, params, args) extern void(*tz_fn_##name) params;
XML_FUNCTIONS(XML_POINTER, XML_POINTER_V)

#endif
