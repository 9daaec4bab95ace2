# Schedulability analysis of a real-time task set (rt_analysis.h): a small
# freestanding library, no libc, no floating point. Linked into the
# `warden` CLI (admission control, tools/build.mk), the RTOS inmate
# (built by the inmate's build.mk with the inmate flags) and its host unit
# test tests/unit/test_rt_analysis.c (tests/build.mk).
RT_ANALYSIS_DIR := lib/rt_analysis
RT_ANALYSIS_SRCS := $(addprefix $(RT_ANALYSIS_DIR)/,analysis.c \
	analysis_edf.c analysis_rta.c analysis_text.c utilisation.c)
RT_ANALYSIS_HDRS := $(RT_ANALYSIS_DIR)/rt_analysis.h \
	$(RT_ANALYSIS_DIR)/analysis_internal.h include/warden/rtos.h \
	include/warden/config.h
