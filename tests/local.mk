## tests/local.mk: included from Makefile.am.

TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
# Criterion binaries (no extension): automake's driver + the Synthesis line
LOG_DRIVER = $(SHELL) $(top_srcdir)/build-aux/criterion-driver

SH_TESTS = \
	tests/golden.sh \
	tests/errors.sh \
	tests/explain.sh \
	tests/summary.sh \
	tests/completion.sh \
	tests/docs.sh \
	tests/docs-safety.sh \
	tests/html5.sh \
	tests/browser.sh \
	tests/data-dir.sh \
	tests/cli.sh \
	tests/po-check.sh \
	tests/schema.sh \
	tests/fuzz.sh
TESTS = $(SH_TESTS)
check_PROGRAMS =
if HAVE_CRITERION
check_PROGRAMS += tests/unit/unit
TESTS += tests/unit/unit
endif
tests_unit_unit_SOURCES = \
	tests/unit/test_codearg.c \
	tests/unit/test_catalog.c \
	tests/unit/test_ucache.c \
	tests/unit/test_comparisons.c \
	tests/unit/test_loader.c \
	tests/unit/test_wrap.c \
	tests/unit/test_view.c \
	tests/unit/test_render.c \
	tests/unit/test_i18n.c \
	tests/unit/test_replyparse.c \
	tests/unit/test_coverage.c \
	tests/unit/test_known.c \
	tests/unit/test_summary.c \
	tests/unit/testutil.h
tests_unit_unit_CPPFLAGS = $(AM_CPPFLAGS) $(LIBXML2_CFLAGS) $(ZLIB_CFLAGS)
tests_unit_unit_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
nodist_tests_unit_unit_SOURCES = src/catalog-data.c
tests_unit_unit_LDADD = src/librcxml.a src/librc.a $(LIBXML2_LIBS) $(GMIME_LIBS) \
	$(JANSSON_LIBS) $(UNISTRING_LIBS) $(ZLIB_LIBS) $(CRITERION_LIBS) $(LIBINTL)

EXTRA_DIST += $(SH_TESTS) tests/lib.sh tests/installcheck.sh tests/golden/cases tests/golden \
	tests/data tests/html5check.py tests/summary-counts.py

# Tests read .mo files from an LC_MESSAGES tree built here (po/ only
# makes po/<ll>.gmo in the source dir).  Rebuilt whenever a .po changes.
check_DATA = tests/locale.stamp
# Keep PO_FILES in step with po/LINGUAS (tests/po-check.sh checks).
PO_FILES = po/ko.po po/ja.po po/zh_CN.po
tests/locale.stamp: $(top_srcdir)/po/LINGUAS $(PO_FILES:%=$(top_srcdir)/%)
	$(AM_V_GEN)rm -rf tests/locale && \
	for ll in `$(SED) -e 's/#.*//' $(top_srcdir)/po/LINGUAS`; do \
	  $(MKDIR_P) tests/locale/$$ll/LC_MESSAGES && \
	  $(MSGFMT) -c -o tests/locale/$$ll/LC_MESSAGES/$(PACKAGE).mo \
	    $(top_srcdir)/po/$$ll.po || exit 1; \
	done && echo stamp > $@

AM_TESTS_ENVIRONMENT = \
	RC_BIN='$(abs_top_builddir)/src/replycode$(EXEEXT)'; \
	RC_SRCDIR='$(abs_top_srcdir)'; \
	RC_BUILDDIR='$(abs_top_builddir)'; \
	REPLYCODE_LOCALEDIR='$(abs_top_builddir)/tests/locale'; \
	REPLYCODE_XML_HELPER='$(abs_top_builddir)/src/replycode-xml$(EXEEXT)'; \
	XDG_DATA_HOME='$(abs_top_builddir)/tests/no-such-dir'; \
	XDG_CACHE_HOME='$(abs_top_builddir)/tests/cache'; \
	XGETTEXT='$(XGETTEXT)'; MSGFMT='$(MSGFMT)'; MSGMERGE='$(MSGMERGE)'; \
	XMLLINT='$(XMLLINT)'; \
	export RC_BIN RC_SRCDIR RC_BUILDDIR REPLYCODE_LOCALEDIR \
	  REPLYCODE_XML_HELPER XDG_DATA_HOME XDG_CACHE_HOME XGETTEXT MSGFMT MSGMERGE XMLLINT; \
	unset REPLYCODE_DATA_PATH NO_COLOR LANGUAGE LC_ALL LC_MESSAGES LANG \
	  COLUMNS;

CLEANFILES += tests/locale.stamp
clean-local: clean-tests
clean-tests:
	rm -rf tests/locale tests/tmp.* tests/screenshots tests/cache

# Golden tests against the installed program, with no environment help:
# it must find its data and translations by itself (distcheck runs this).
installcheck-local:
	env -u REPLYCODE_LOCALEDIR -u REPLYCODE_XML_HELPER \
	  RC_BIN='$(DESTDIR)$(bindir)/replycode$(EXEEXT)' \
	  RC_SRCDIR='$(abs_top_srcdir)' RC_INSTALLED=1 \
	  XDG_DATA_HOME=/nonexistent \
	  $(SHELL) $(top_srcdir)/tests/golden.sh
	env -u REPLYCODE_LOCALEDIR -u REPLYCODE_XML_HELPER \
	  RC_BIN='$(DESTDIR)$(bindir)/replycode$(EXEEXT)' \
	  RC_SRCDIR='$(abs_top_srcdir)' RC_INSTALLED=1 \
	  XDG_DATA_HOME=/nonexistent \
	  $(SHELL) $(top_srcdir)/tests/installcheck.sh
	@# the installed completions, each where its shell looks
	mkdir -p tests/installed-completion && \
	cp '$(DESTDIR)$(bashcompletiondir)/replycode' tests/installed-completion/replycode.bash && \
	cp '$(DESTDIR)$(zshcompletiondir)/_replycode' '$(DESTDIR)$(fishcompletiondir)/replycode.fish' \
	  tests/installed-completion/ && \
	RC_BIN='$(DESTDIR)$(bindir)/replycode$(EXEEXT)' RC_SRCDIR='$(abs_top_srcdir)' \
	  RC_BUILDDIR='$(abs_top_builddir)' \
	  COMPLETION_DIR='$(abs_top_builddir)/tests/installed-completion' \
	  $(SHELL) $(top_srcdir)/tests/completion.sh; \
	st=$$?; rm -rf tests/installed-completion; exit $$st

.PHONY: clean-tests
