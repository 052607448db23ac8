## bench/local.mk: 'make bench' (never part of make check).
EXTRA_DIST += bench/bench.sh bench/floor.c bench/runstat.c bench/mklog.awk
bench: all tests/locale.stamp
	$(MKDIR_P) bench
	$(CC) -O2 -o bench/floor $(top_srcdir)/bench/floor.c
	$(CC) -O2 -o bench/runstat $(top_srcdir)/bench/runstat.c
	RC_BIN='$(abs_top_builddir)/src/replycode$(EXEEXT)' \
	REPLYCODE_LOCALEDIR='$(abs_top_builddir)/tests/locale' \
	FLOOR='$(abs_top_builddir)/bench/floor' \
	RUNSTAT='$(abs_top_builddir)/bench/runstat' \
	XML_HELPER='$(abs_top_builddir)/src/replycode-xml$(EXEEXT)' \
	REPLIES='$(abs_top_srcdir)/tests/data/replies.txt' \
	MKLOG='$(abs_top_srcdir)/bench/mklog.awk' \
	USER_XML='$(abs_top_srcdir)/tests/data/good-override.xml' \
	$(SHELL) $(top_srcdir)/bench/bench.sh
CLEANFILES += bench/floor bench/runstat
.PHONY: bench
