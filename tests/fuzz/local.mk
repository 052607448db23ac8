## tests/fuzz/local.mk: fuzz targets for every parser of outside input.
## make check replays the seed corpora (tests/fuzz.sh); 'make fuzz' runs
## libFuzzer (clang) on each target for FUZZ_SECONDS (FUZZ_FLAGS adds
## options, e.g. FUZZ_FLAGS='-runs=10000000 -max_len=4096').
FUZZ_TARGETS = loader reply codearg wrap explain bounce known summary
check_PROGRAMS += tests/fuzz/replay_loader tests/fuzz/replay_reply \
	tests/fuzz/replay_codearg tests/fuzz/replay_wrap tests/fuzz/replay_explain \
	tests/fuzz/replay_bounce tests/fuzz/replay_known tests/fuzz/replay_summary
FUZZ_LIBS = src/librcxml.a src/librc.a $(LIBXML2_LIBS) $(GMIME_LIBS) $(JANSSON_LIBS) \
	$(UNISTRING_LIBS) $(ZLIB_LIBS) $(LIBINTL)
tests_fuzz_replay_loader_SOURCES = tests/fuzz/fuzz_loader.c tests/fuzz/standalone.c
tests_fuzz_replay_loader_CPPFLAGS = $(AM_CPPFLAGS) $(LIBXML2_CFLAGS)
tests_fuzz_replay_loader_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_reply_SOURCES = tests/fuzz/fuzz_reply.c tests/fuzz/standalone.c
tests_fuzz_replay_reply_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_codearg_SOURCES = tests/fuzz/fuzz_codearg.c tests/fuzz/standalone.c
tests_fuzz_replay_codearg_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_wrap_SOURCES = tests/fuzz/fuzz_wrap.c tests/fuzz/standalone.c
tests_fuzz_replay_wrap_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_explain_SOURCES = tests/fuzz/fuzz_explain.c tests/fuzz/standalone.c
nodist_tests_fuzz_replay_explain_SOURCES = src/catalog-data.c
tests_fuzz_replay_explain_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_bounce_SOURCES = tests/fuzz/fuzz_bounce.c tests/fuzz/standalone.c
tests_fuzz_replay_bounce_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_known_SOURCES = tests/fuzz/fuzz_known.c tests/fuzz/standalone.c
nodist_tests_fuzz_replay_known_SOURCES = src/catalog-data.c
tests_fuzz_replay_known_LDADD = $(FUZZ_LIBS)
tests_fuzz_replay_summary_SOURCES = tests/fuzz/fuzz_summary.c tests/fuzz/standalone.c
nodist_tests_fuzz_replay_summary_SOURCES = src/catalog-data.c
tests_fuzz_replay_summary_CPPFLAGS = $(AM_CPPFLAGS) $(ZLIB_CFLAGS)
tests_fuzz_replay_summary_LDADD = $(FUZZ_LIBS)
EXTRA_DIST += tests/fuzz/corpus-bounce tests/fuzz/corpus-known tests/fuzz/corpus-summary
EXTRA_DIST += tests/fuzz/corpus-loader tests/fuzz/corpus-reply \
	tests/fuzz/corpus-codearg tests/fuzz/corpus-wrap \
	tests/fuzz/corpus-explain

FUZZ_SECONDS = 60
FUZZ_CC = clang
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  echo "== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	  $(MKDIR_P) tests/fuzz/run-$$t && \
	  $(FUZZ_CC) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -I$(top_builddir) $(AM_CPPFLAGS) $(LIBXML2_CFLAGS) $(GMIME_CFLAGS) \
	    $(top_srcdir)/tests/fuzz/fuzz_$$t.c \
	    $(addprefix $(top_srcdir)/,$(src_librc_a_SOURCES:%.h=)) \
	    $(top_srcdir)/src/loader.c $(top_srcdir)/src/bounce.c \
	    src/schema-data.c src/catalog-data.c \
	    -o tests/fuzz/fuzz_$$t $(LIBXML2_LIBS) $(GMIME_LIBS) -ljansson -lunistring -lz \
	  && tests/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) \
	    tests/fuzz/run-$$t $(top_srcdir)/tests/fuzz/corpus-$$t || exit 1; \
	done
.PHONY: fuzz
