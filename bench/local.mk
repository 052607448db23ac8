## bench/local.mk: 'make bench' (never part of make check).
EXTRA_DIST += bench/bench.sh bench/floor.c
bench: all tests/locale.stamp
	$(CC) -O2 -o bench/floor $(top_srcdir)/bench/floor.c
	RC_BIN='$(abs_top_builddir)/src/replycode$(EXEEXT)' \
	REPLYCODE_LOCALEDIR='$(abs_top_builddir)/tests/locale' \
	FLOOR='$(abs_top_builddir)/bench/floor' \
	$(SHELL) $(top_srcdir)/bench/bench.sh
CLEANFILES += bench/floor
.PHONY: bench
