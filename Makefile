# Taizhang: GNU Makefile driven by pkg-config.
#
#   make run          install missing Debian packages, build, create the demo
#                     database and show how to use it
#   make test         build and run every test (unit, black-box, golden data)
#   make test SANITIZE=1   the same under AddressSanitizer + UBSan
#   make fuzz         run the libFuzzer targets for a fixed time
#   make bench        run the benchmarks in bench/ (ledger.sh, web.sh, form.sh)
#
# Layers are enforced here: each directory under src/ is compiled with an
# include path that holds only the layers it may use (see LAYER_*), so core
# code that includes a store or web header does not compile.

.DEFAULT_GOAL := all
SHELL := /bin/bash

# Quiet by default: one short line per file; `make V=1` shows the commands.
V ?= 0
ifeq ($(V),1)
  Q :=
  say = @true
else
  Q := @
  say = @printf '  %-6s %s\n' $(1) $(2)
endif

SANITIZE ?= 0
FUZZ ?= 0
ifeq ($(FUZZ),1)
  BUILD ?= build-fuzz
  CC := clang
else ifeq ($(SANITIZE),1)
  BUILD ?= build-san
else
  BUILD ?= build
endif

CC ?= cc
PKGS := sqlite3 libutf8proc libzip libxml-2.0 xlsxwriter jansson pangocairo libgsf-1 \
	libmicrohttpd libsodium
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libmicrohttpd is not linked: src/web/mhd-load.c opens it by its soname
# when the web application first calls it, so that other commands do not
# load it and GnuTLS at start-up (bench/README.md, "After the eighth
# session").
MHD_SONAME := $(shell objdump -p "$$(pkg-config --variable=libdir libmicrohttpd 2>/dev/null)/libmicrohttpd.so" 2>/dev/null | awk '/SONAME/ { print $$2 }')
# Nor is pangocairo (with pango, cairo and their fonts and X libraries):
# src/report/pdf-load.c opens it when a PDF is first written.
PANGOCAIRO_SONAME := $(shell objdump -p "$$(pkg-config --variable=libdir pangocairo 2>/dev/null)/libpangocairo-1.0.so" 2>/dev/null | awk '/SONAME/ { print $$2 }')
# Nor libgsf (with GIO, libmount, SELinux…): src/intake/xls-load.c opens
# it when an .xls file is first read (and src/dl/glib-load.c GLib).
GSF_SONAME := $(shell objdump -p "$$(pkg-config --variable=libdir libgsf-1 2>/dev/null)/libgsf-1.so" 2>/dev/null | awk '/SONAME/ { print $$2 }')
# Nor libzip (with libcrypto, bz2, lzma), libxml2 (with ICU), libxlsxwriter
# (with minizip) and GLib with GObject: src/dl/zip-load.c, xml-load.c,
# glib-load.c and src/report/xlsxwriter-load.c open them when an .xlsx,
# Excel 2003 XML, HTML table or .xls is first read or an .xlsx or PDF
# first written (bench/README.md, "Tenth session: lazy libraries").
# (The compiler finds the .so: xlsxwriter.pc names a libdir without it.)
soname = $(shell objdump -p "$$($(CC) -print-file-name=$(1))" 2>/dev/null | awk '/SONAME/ { print $$2 }')
ZIP_SONAME := $(call soname,libzip.so)
XML_SONAME := $(call soname,libxml2.so)
XLSXWRITER_SONAME := $(call soname,libxlsxwriter.so)
GOBJECT_SONAME := $(call soname,libgobject-2.0.so)
LAZY_PKGS := libmicrohttpd pangocairo libgsf-1 libzip libxml-2.0 xlsxwriter
PKG_LIBS := $(shell pkg-config --libs $(filter-out $(LAZY_PKGS),$(PKGS)) 2>/dev/null) -lcsv -lm
ifneq ($(MHD_SONAME),)
  PKG_CFLAGS += -DTZ_MHD_SONAME='"$(MHD_SONAME)"'
endif
ifneq ($(GSF_SONAME),)
  PKG_CFLAGS += -DTZ_GSF_SONAME='"$(GSF_SONAME)"'
endif
ifneq ($(PANGOCAIRO_SONAME),)
  PKG_CFLAGS += -DTZ_PANGOCAIRO_SONAME='"$(PANGOCAIRO_SONAME)"'
endif
ifneq ($(ZIP_SONAME),)
  PKG_CFLAGS += -DTZ_ZIP_SONAME='"$(ZIP_SONAME)"'
endif
ifneq ($(XML_SONAME),)
  PKG_CFLAGS += -DTZ_XML_SONAME='"$(XML_SONAME)"'
endif
ifneq ($(XLSXWRITER_SONAME),)
  PKG_CFLAGS += -DTZ_XLSXWRITER_SONAME='"$(XLSXWRITER_SONAME)"'
endif
ifneq ($(GOBJECT_SONAME),)
  PKG_CFLAGS += -DTZ_GOBJECT_SONAME='"$(GOBJECT_SONAME)"'
endif
# The unit tests write .xls files with libgsf themselves (tz-sheet-test.h).
TEST_LIBS := $(shell pkg-config --libs cmocka libgsf-1 2>/dev/null)
# So does the .xls fuzz target (tests/fuzz/fuzz-reader.c).
FUZZ_LIBS := $(shell pkg-config --libs libgsf-1 2>/dev/null)
# The unit tests also write .xlsx files with libxlsxwriter and libzip and
# parse XML with libxml2. They and the fuzz targets link the libraries
# that src/dl and src/report/xlsxwriter-load.c open, before the archives,
# so that they take the libraries' own functions and not the forwarders
# of src/dl/*-fwd.c and src/report/xlsxwriter-fwd.c (which, defined in an
# executable, would also stand in for them inside the libraries: g_free
# in GLib itself). --no-as-needed, or the linker drops them there, before
# anything has referred to them.
DIRECT_LIBS := -Wl,--push-state,--no-as-needed \
	$(shell pkg-config --libs libzip libxml-2.0 xlsxwriter gobject-2.0 2>/dev/null) \
	-Wl,--pop-state

WARN := -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
	-Wshadow -Wvla -Wformat=2 -Wno-format-nonliteral
CFLAGS ?= -O2 -g
CFLAGS += -std=c17 $(WARN) -D_GNU_SOURCE -fno-strict-aliasing -pthread
LDFLAGS += -pthread
LDFLAGS ?=
ifeq ($(SANITIZE),1)
  CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  LDFLAGS += -fsanitize=address,undefined
endif
ifeq ($(FUZZ),1)
  CFLAGS += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
  LDFLAGS += -fsanitize=address,undefined
endif

# Which layers each layer may include.
# dl: libraries two edge layers use, opened on first use (src/dl/*-load.h);
# one definition of each of their functions, so not in either layer.
LAYER_base   := base
LAYER_core   := base core
LAYER_dl     := base dl
LAYER_store  := base core store
LAYER_intake := base core store dl intake
LAYER_doc    := base core doc
LAYER_report := base core dl report
LAYER_web    := base core store dl intake doc report web
LAYER_cli    := base core store dl intake doc report web cli
LAYERS := base core dl store intake doc report web cli

SRC_ALL := $(foreach l,$(LAYERS),$(sort $(wildcard src/$(l)/*.c)))
SRC_MAIN := src/cli/main.c
SRC_CORE := $(filter src/base/% src/core/%,$(SRC_ALL))
SRC_EDGE := $(filter-out $(SRC_CORE) $(SRC_MAIN),$(SRC_ALL))
OBJ_CORE := $(SRC_CORE:%.c=$(BUILD)/%.o)
OBJ_EDGE := $(SRC_EDGE:%.c=$(BUILD)/%.o)
OBJ_MAIN := $(SRC_MAIN:%.c=$(BUILD)/%.o)

# The web application's static files, served from $(BUILD)/static: ours
# from src/web/static, ECharts from node_modules (npm; never a CDN).
STATIC_OWN := $(patsubst src/web/static/%,$(BUILD)/static/%,$(wildcard src/web/static/*))
STATIC := $(STATIC_OWN) $(BUILD)/static/echarts.min.js $(BUILD)/static/echarts-LICENSE.txt

LIB_CORE := $(BUILD)/libtzcore.a
LIB_EDGE := $(BUILD)/libtaizhang.a
BIN := $(BUILD)/taizhang

UNIT_SRC := $(sort $(wildcard tests/unit/*/test-*.c))
UNIT_BIN := $(UNIT_SRC:%.c=$(BUILD)/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz-*.c))
FUZZ_BIN := $(FUZZ_SRC:%.c=$(BUILD)/%)

# One include tree per layer: symlinks to the layers it may see. (Kept:
# make would otherwise delete them as intermediates.)
# They depend on the Makefile, so that a layer added to LAYER_* reaches
# build trees made before.
.PRECIOUS: $(BUILD)/inc/%/.stamp
$(BUILD)/inc/%/.stamp: Makefile
	@mkdir -p $(@D)
	@for l in $(LAYER_$*); do ln -sfn $(CURDIR)/src/$$l $(@D)/$$l; done
	@touch $@

define layer_rule
$(BUILD)/src/$(1)/%.o: src/$(1)/%.c $(BUILD)/inc/$(1)/.stamp
	@mkdir -p $$(@D)
	$$(call say,CC,$$<)
	$(Q)$$(CC) $$(CFLAGS) -I$(BUILD)/inc/$(1) $$(PKG_CFLAGS) -MMD -MP -c -o $$@ $$<
endef
$(foreach l,$(LAYERS),$(eval $(call layer_rule,$(l))))

$(LIB_CORE): $(OBJ_CORE)
	@rm -f $@
	$(call say,AR,$@)
	$(Q)$(AR) rcs $@ $^

$(LIB_EDGE): $(OBJ_EDGE)
	@rm -f $@
	$(call say,AR,$@)
	$(Q)$(AR) rcs $@ $^

$(BIN): $(OBJ_MAIN) $(LIB_EDGE) $(LIB_CORE)
	$(call say,LINK,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/static/%: src/web/static/%
	@mkdir -p $(@D)
	$(call say,COPY,$<)
	$(Q)cp $< $@

$(BUILD)/static/echarts.min.js: node_modules/.installed
	@mkdir -p $(@D)
	$(call say,COPY,$@)
	$(Q)cp node_modules/echarts/dist/echarts.min.js $@

$(BUILD)/static/echarts-LICENSE.txt: node_modules/.installed
	@mkdir -p $(@D)
	$(Q)cp node_modules/echarts/LICENSE $@

# Tests see every layer; they link the libraries and cmocka.
$(BUILD)/tests/unit/%: tests/unit/%.c tests/unit/tz-test.h $(LIB_EDGE) $(LIB_CORE)
	@mkdir -p $(@D)
	$(call say,TEST,$<)
	$(Q)$(CC) $(CFLAGS) -Isrc -Itests/unit $(PKG_CFLAGS) -MMD -MP -o $@ $< \
		$(DIRECT_LIBS) $(LIB_EDGE) $(LIB_CORE) $(LDFLAGS) $(PKG_LIBS) $(TEST_LIBS)

$(BUILD)/tests/fuzz/%: tests/fuzz/%.c $(LIB_EDGE) $(LIB_CORE)
	@mkdir -p $(@D)
	$(call say,FUZZ,$<)
	$(Q)$(CC) $(CFLAGS) -fsanitize=fuzzer -Isrc $(PKG_CFLAGS) -o $@ $< \
		$(DIRECT_LIBS) $(LIB_EDGE) $(LIB_CORE) $(LDFLAGS) $(PKG_LIBS) $(FUZZ_LIBS)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

.PHONY: all deps npm run test test-only check bench fuzz clean distclean

all: $(BIN) $(UNIT_BIN) $(STATIC)

deps:
	@tools/deps.sh

# Front-end packages (the browser tests' playwright-core, and the web
# application's assets) from the npm registry, installed once per
# package-lock.json.
npm: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@tools/npm.sh
	@touch $@

DEMO_DB ?= demo.db
run: deps npm
	@$(MAKE) -s --no-print-directory all
	@tools/run.sh $(BIN) $(DEMO_DB)

test: deps npm
	@$(MAKE) -s --no-print-directory all
	@$(MAKE) --no-print-directory test-only

test-only:
	@TZ_BIN=$(CURDIR)/$(BIN) TZ_BUILD=$(BUILD) TZ_SANITIZE=$(SANITIZE) \
		tests/run.sh $(UNIT_BIN)

check: test

bench: deps npm
	@$(MAKE) -s --no-print-directory all
	bench/ledger.sh
	bench/web.sh
	bench/form.sh

FUZZ_SECONDS ?= 60
fuzz: deps
	@$(MAKE) --no-print-directory FUZZ=1 fuzz-build
	@for f in $(FUZZ_SRC); do \
		n=$$(basename $$f .c); \
		tools/fuzz.sh build-fuzz/tests/fuzz/$$n tests/fuzz/$$n $(FUZZ_SECONDS) || exit 1; \
	done

fuzz-build: $(FUZZ_BIN)

clean:
	rm -rf build build-san build-fuzz

distclean: clean
	rm -rf node_modules $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
