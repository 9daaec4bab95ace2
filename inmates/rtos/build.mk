# RTOS inmate (inmates/rtos/README.md), included from inmates/build.mk.
# One image per built-in task set: out/arm64/inmates/rtos*.elf and .bin.
# The schedulability analysis is the library in lib/rt_analysis/ (also
# linked into the host tool; its host test, tests/unit/test_rt_analysis.c,
# runs under `make test-unit`), built here with the inmate flags. The
# bare-metal QEMU runs are under `make inmates-test-qemu`.

RTOS_DIR := inmates/rtos
RTOS_OBJ := $(INMATE_OBJ)/rtos
RTOS_SRCS := $(filter-out $(RTOS_DIR)/tasksets.c, \
	$(wildcard $(RTOS_DIR)/*.c $(RTOS_DIR)/*.S))
# C objects by name, the analysis' among them, then switch.S: the link
# order (and so the image) does not depend on where a file lives.
RTOS_OBJS := $(sort $(patsubst $(RTOS_DIR)/%.c,$(RTOS_OBJ)/%.c.o, \
		$(filter %.c,$(RTOS_SRCS))) \
	$(patsubst $(RT_ANALYSIS_DIR)/%,$(RTOS_OBJ)/%.o,$(RT_ANALYSIS_SRCS))) \
	$(patsubst $(RTOS_DIR)/%,$(RTOS_OBJ)/%.o,$(filter %.S,$(RTOS_SRCS)))
RTOS_HDRS := $(wildcard $(RTOS_DIR)/*.h $(RTOS_DIR)/arm64/*.h) include/warden/rtos.h include/warden/rtos_stats.h \
	include/warden/rt_taskset.h $(RT_ANALYSIS_HDRS) $(INMATE_HDRS)
RTOS_CFLAGS := $(INMATE_CFLAGS) -I$(TOP)/$(RT_ANALYSIS_DIR) \
	-I$(TOP)/$(RTOS_DIR)/arm64

# Image name -> task set (inmates/rtos/taskset.h)
RTOS_SET_rtos := RT_TASKSET_EDF
RTOS_SET_rtos-rm := RT_TASKSET_RM
RTOS_SET_rtos-overload := RT_TASKSET_OVERLOAD_EDF
RTOS_SET_rtos-overload-rm := RT_TASKSET_OVERLOAD_RM
RTOS_IMAGES := rtos rtos-rm rtos-overload rtos-overload-rm
RTOS_ELFS := $(patsubst %,$(INMATE_OUT)/%.elf,$(RTOS_IMAGES))
RTOS_BINS := $(RTOS_ELFS:.elf=.bin)
RTOS_SET_OBJS := $(patsubst %,$(RTOS_OBJ)/set-%.o,$(RTOS_IMAGES))
ALL_TARGETS += $(RTOS_ELFS) $(RTOS_BINS)
.SECONDARY: $(RTOS_OBJS) $(RTOS_SET_OBJS)

$(RTOS_OBJ)/%.c.o: $(RTOS_DIR)/%.c $(RTOS_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(RTOS_CFLAGS) -c $< -o $@

$(RTOS_OBJ)/%.c.o: $(RT_ANALYSIS_DIR)/%.c $(RTOS_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(RTOS_CFLAGS) -c $< -o $@

$(RTOS_OBJ)/%.S.o: $(RTOS_DIR)/%.S $(RTOS_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(INMATE_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

$(RTOS_OBJ)/set-%.o: $(RTOS_DIR)/tasksets.c $(RTOS_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(RTOS_CFLAGS) -DRT_TASKSET=$(RTOS_SET_$*) -c $< -o $@

# A static pattern rule: it, not the demos' %.elf rule, links these.
$(RTOS_ELFS): $(INMATE_OUT)/%.elf: $(RTOS_OBJ)/set-%.o $(RTOS_OBJS) \
		$(INMATE_LIB_OBJS) $(INMATE_LDS)
	$(INMATE_CC) $(INMATE_CFLAGS) $(INMATE_LDFLAGS) -o $@ \
		$(INMATE_LIB_OBJS) $(RTOS_OBJS) $< -lgcc

.PHONY: rtos rtos-test-qemu
inmates: $(RTOS_ELFS) $(RTOS_BINS)
rtos: $(RTOS_ELFS) $(RTOS_BINS)
# inmates-test-qemu (inmates/build.mk) runs the RTOS script after its own.
inmates-test-qemu: $(RTOS_ELFS)
rtos-test-qemu: $(RTOS_ELFS)
	bash $(RTOS_DIR)/tests/run-baremetal.sh $(INMATE_OUT)
