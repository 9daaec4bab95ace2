# The RTOS inmate for x86 (inmates/rtos/README.md), included from
# inmates/x86.mk: the portable sources of inmates/rtos/ and the analysis
# library, with inmates/rtos/x86/ (rtos_arch.h, entry.c, switch.S) in
# place of the arm64 parts (arm64/rtos_arch.h, entry.c, switch.S).
# out/x86/inmates/rtos*.bin, one per built-in task set as on arm64.

X86_RTOS_OBJ := $(X86_INMATE_OBJ)/rtos
X86_RTOS_SRCS := $(filter-out $(RTOS_DIR)/tasksets.c $(RTOS_DIR)/entry.c, \
	$(wildcard $(RTOS_DIR)/*.c)) $(wildcard $(RTOS_DIR)/x86/*.c)
X86_RTOS_OBJS := $(sort $(patsubst $(RTOS_DIR)/%.c,$(X86_RTOS_OBJ)/%.c.o, \
		$(X86_RTOS_SRCS)) \
	$(patsubst $(RT_ANALYSIS_DIR)/%,$(X86_RTOS_OBJ)/%.o,$(RT_ANALYSIS_SRCS))) \
	$(X86_RTOS_OBJ)/x86/switch.S.o
X86_RTOS_HDRS := $(wildcard $(RTOS_DIR)/*.h $(RTOS_DIR)/x86/*.h) \
	include/warden/rtos.h include/warden/rtos_stats.h \
	include/warden/rt_taskset.h $(RT_ANALYSIS_HDRS) $(X86_INMATE_HDRS)
X86_RTOS_CFLAGS := $(X86_INMATE_CFLAGS) -I$(TOP)/$(RT_ANALYSIS_DIR) \
	-I$(TOP)/$(RTOS_DIR)/x86
X86_RTOS_ELFS := $(patsubst %,$(X86_INMATE_OUT)/%.elf,$(RTOS_IMAGES))
X86_RTOS_BINS := $(X86_RTOS_ELFS:.elf=.bin)
ALL_TARGETS += $(X86_RTOS_ELFS) $(X86_RTOS_BINS)
.SECONDARY: $(X86_RTOS_OBJS) \
	$(patsubst %,$(X86_RTOS_OBJ)/set-%.o,$(RTOS_IMAGES))

$(X86_RTOS_OBJ)/%.c.o: $(RTOS_DIR)/%.c $(X86_RTOS_HDRS)
	@mkdir -p $(dir $@)
	$(X86_INMATE_CC) $(X86_RTOS_CFLAGS) -c $< -o $@

$(X86_RTOS_OBJ)/%.c.o: $(RT_ANALYSIS_DIR)/%.c $(X86_RTOS_HDRS)
	@mkdir -p $(dir $@)
	$(X86_INMATE_CC) $(X86_RTOS_CFLAGS) -c $< -o $@

$(X86_RTOS_OBJ)/x86/switch.S.o: $(RTOS_DIR)/x86/switch.S $(X86_RTOS_HDRS)
	@mkdir -p $(dir $@)
	$(X86_INMATE_CC) $(X86_INMATE_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

$(X86_RTOS_OBJ)/set-%.o: $(RTOS_DIR)/tasksets.c $(X86_RTOS_HDRS)
	@mkdir -p $(dir $@)
	$(X86_INMATE_CC) $(X86_RTOS_CFLAGS) -DRT_TASKSET=$(RTOS_SET_$*) -c $< -o $@

# A static pattern rule: it, not the demos' %.elf rule, links these.
$(X86_RTOS_ELFS): $(X86_INMATE_OUT)/%.elf: $(X86_RTOS_OBJ)/set-%.o \
		$(X86_RTOS_OBJS) $(X86_INMATE_LIB_OBJS) $(X86_INMATE_LDS)
	$(X86_INMATE_CC) $(X86_INMATE_CFLAGS) $(X86_INMATE_LDFLAGS) -o $@ \
		$(X86_INMATE_LIB_OBJS) $(X86_RTOS_OBJS) $<

inmates-x86: $(X86_RTOS_ELFS) $(X86_RTOS_BINS)
inmates-x86-test-qemu: $(X86_RTOS_BINS)
