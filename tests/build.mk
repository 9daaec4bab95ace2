# Host unit tests: the config checker (hypervisor/config.c) under cmocka
# with AddressSanitizer and UBSan, then the host CLI against real blobs.
UNIT_DIR := tests/unit
UNIT_OUT := $(OUT)/host/tests
UNIT_CFLAGS := $(HOST_CFLAGS) -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all -I$(UNIT_DIR) \
	-I$(CONFIG_TEXT_DIR)
UNIT_COMMON := $(UNIT_DIR)/builder.c $(UNIT_DIR)/recorder.c \
	$(UNIT_DIR)/rule_cases.c hypervisor/config.c $(CHECKER_ARCH_SRCS) \
	$(CONFIG_TEXT_SRCS)
UNIT_HEADERS := $(wildcard $(UNIT_DIR)/*.h) include/warden/config.h \
	configs/arm64/qemu-virt-board.h \
	hypervisor/include/wd/config_check.h hypervisor/include/wd/colour.h \
	hypervisor/include/wd/config_rules.h $(CONFIG_TEXT_HDRS)
UNIT_TESTS := $(patsubst $(UNIT_DIR)/%.c,$(UNIT_OUT)/%,\
	$(wildcard $(UNIT_DIR)/test_*.c))

$(UNIT_OUT)/test_%: $(UNIT_DIR)/test_%.c $(UNIT_COMMON) $(UNIT_HEADERS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(UNIT_CFLAGS) -o $@ $< $(UNIT_COMMON) -lcmocka

# The console and the ticket lock, with threads for CPUs.
$(UNIT_OUT)/test_console: $(UNIT_DIR)/test_console.c hypervisor/console.c \
		arch/arm64/include/arch/spinlock.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(UNIT_CFLAGS) -std=gnu11 -D_POSIX_C_SOURCE=200809L \
		-I$(TOP)/arch/arm64/include -pthread -o $@ $< -lcmocka

# The x86 xAPIC instruction decoder, alone (no checker).
$(UNIT_OUT)/test_x86_decode: $(UNIT_DIR)/test_x86_decode.c arch/x86/decode.c \
		arch/x86/include/arch/decode.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(UNIT_CFLAGS) -I$(TOP)/arch/x86/include -o $@ \
		$(filter %.c,$^) -lcmocka

# The CLI's reader of RTOS statistics (tools/rt_stats.c), not the checker.
$(UNIT_OUT)/test_rt_stats: $(UNIT_DIR)/test_rt_stats.c tools/rt_stats.c \
		tools/rt_stats.h include/warden/rtos.h include/warden/ioctl.h \
		include/warden/comm.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(UNIT_CFLAGS) -D_GNU_SOURCE -Itools -o $@ \
		$(filter %.c,$^) -lcmocka

# `warden cell linux`: the Image header, the layout and the DT (libfdt).
$(UNIT_OUT)/test_linux_dt: $(UNIT_DIR)/test_linux_dt.c tools/linux_dt.c \
		tools/linux_image.c tools/linux_dt.h tools/linux_image.h \
		$(UNIT_COMMON) $(UNIT_HEADERS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(UNIT_CFLAGS) -Itools -o $@ $(filter %.c,$^) -lcmocka -lfdt

# The schedulability analysis (lib/rt_analysis/), not the checker.
$(UNIT_OUT)/test_rt_analysis: $(UNIT_DIR)/test_rt_analysis.c \
		$(RT_ANALYSIS_SRCS) $(RT_ANALYSIS_HDRS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(UNIT_CFLAGS) -I$(RT_ANALYSIS_DIR) -o $@ \
		$(filter %.c,$^) -lcmocka
.PHONY: rtos-test-unit
rtos-test-unit: $(UNIT_OUT)/test_rt_analysis
	$<

# Runs every test binary even if one fails, then fails if any did.
.PHONY: test-unit
test-unit: $(UNIT_TESTS) $(OUT)/host/warden $(CONFIG_BLOBS) $(X86_CONFIG_BLOBS)
	@failed=0; for t in $(UNIT_TESTS); do \
		$$t || failed=1; \
	done; \
	bash tests/unit/messages.sh $(UNIT_OUT) || failed=1; \
	bash tests/cli/test-cli.sh $(OUT)/host/warden $(OUT)/arm64 || failed=1; \
	bash tests/cli/test-config-create.sh $(OUT)/host/warden $(OUT)/arm64 || failed=1; \
	bash tests/build/test-goals.sh || failed=1; \
	bash tests/board/test-board.sh || failed=1; \
	bash tests/ci/test-e2e-verdict.sh || failed=1; \
	if [ $$failed = 0 ]; then echo "test-unit: all passed"; \
	else echo "test-unit: FAILED"; fi; \
	exit $$failed

# Slow (minutes): every violation() of the checker must be caught by a
# unit test once it is removed. See tests/unit/mutation.py.
.PHONY: test-mutation
test-mutation:
	python3 tests/unit/mutation.py

# libFuzzer run over the checker (clang): `make fuzz-config FUZZ_SECONDS=N`.
# Seeds: each shipped system config followed by each cell config.
# `make fuzz` runs it for FUZZ_SECONDS (300 by default); `make fuzz-smoke`,
# part of `make test`, for 60 s. The corpus grows in out/host/fuzz/corpus
# across runs; a crash leaves its input in out/host/fuzz/crash-* and fails.
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS := 60
FUZZ_OUT := $(OUT)/host/fuzz
$(FUZZ_OUT)/fuzz_config: tests/fuzz/fuzz_config.c hypervisor/config.c \
		$(CHECKER_ARCH_SRCS) $(CONFIG_TEXT_SRCS) \
		$(UNIT_HEADERS)
	@mkdir -p $(dir $@)
	clang -std=c11 -Wall -Wextra -Werror -g -O1 -I$(TOP)/include \
		-I$(TOP)/hypervisor/include -I$(TOP)/$(CONFIG_TEXT_DIR) \
		-fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -o $@ $(filter %.c,$^)

.PHONY: fuzz-config
fuzz-config: $(FUZZ_OUT)/fuzz_config $(CONFIG_BLOBS)
	@mkdir -p $(FUZZ_OUT)/corpus
	@for sys in $(OUT)/arm64/qemu-virt-*.cell; do \
		for cell in $(OUT)/arm64/*.cell; do \
			cat $$sys $$cell >$(FUZZ_OUT)/corpus/seed-$$(basename \
				$$sys .cell)-$$(basename $$cell .cell); \
		done; \
	done
	$(FUZZ_OUT)/fuzz_config -max_total_time=$(FUZZ_SECONDS) \
		-max_len=8192 -artifact_prefix=$(FUZZ_OUT)/ \
		-print_final_stats=1 $(FUZZ_OUT)/corpus

.PHONY: fuzz fuzz-smoke
fuzz: fuzz-config
fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz-config \
		FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS)

# Soak (minutes, not in `make test`): the robustness scenario booted with
# wd.soak=1: 200 enable/disable and 100 cell cycles, 1.1 * 10^6 fuzzed
# hypercalls (10^6 from the root's test module on two CPUs, 10^5 from a
# cell), beside a cell that checks a pattern over its RAM (memkeep).
# Figures for docs/robustness.md come from its log.
SOAK_LOG := $(OUT)/ci/logs/soak-gicv3.log
.PHONY: soak
soak: all
	@mkdir -p $(dir $(SOAK_LOG))
	@bash ci/mkinitrd.sh >/dev/null
	@bash ci/run-qemu.sh --gic 3 --scenario robustness --timeout 1500 \
		--append wd.soak=1 --log $(SOAK_LOG) >/dev/null; \
	grep -E 'CHECK FAIL|hcfuzz: (hvc results|psci results|pattern|PASS|FAIL)|warden-hcfuzz: |root fuzzers done|memkeep: round [0-9]+: FAIL|pattern never|cycles \(|MemFree|pool usage' \
		$(SOAK_LOG); \
	grep -q 'SCENARIO DONE pass=[1-9][0-9]* fail=0' $(SOAK_LOG) && \
	! grep -qE 'Kernel panic|Internal error: Oops|BUG:|Call trace:' \
		$(SOAK_LOG) && \
		echo "soak: PASS (log $(SOAK_LOG))" || \
		{ echo "soak: FAILED (log $(SOAK_LOG))"; exit 1; }

# Core tests: hypervisor/ code (the table walker, the page pool) built for
# the host against the fake arch (arch/fake/), under cmocka with ASan and
# UBSan. `make test-core-coverage` runs them once more with gcov and
# prints the line coverage of the core files under test.
CORE_DIR := tests/core
CORE_OUT := $(OUT)/host/tests/core
CORE_SRCS := hypervisor/paging.c hypervisor/page_pool.c arch/fake/fake.c \
	arch/fake/mmu.c
CORE_HEADERS := $(wildcard arch/fake/include/arch/*.h) \
	$(wildcard hypervisor/include/wd/*.h) hypervisor/include/arch.h \
	$(wildcard include/warden/*.h)
# gnu11 as the hypervisor's own build (typeof in READ_ONCE()).
CORE_FLAGS := $(HOST_CFLAGS) -std=gnu11 -I$(TOP)/arch/fake/include \
	-I$(TOP)/$(UNIT_DIR) -g -fno-omit-frame-pointer
CORE_CFLAGS := $(CORE_FLAGS) -O1 -fsanitize=address,undefined \
	-fno-sanitize-recover=all
CORE_NAMES := $(basename $(notdir $(wildcard $(CORE_DIR)/test_*.c)))
CORE_TESTS := $(addprefix $(CORE_OUT)/,$(CORE_NAMES))

# The world (tests/core/world.h): the cell lifecycle, the CPUs' power
# logic, the hypercall table and ivshmem, with every allocation failable.
CORE_WORLD := hypervisor/cell.c hypervisor/cell_console.c \
	hypervisor/cell_console_write.c \
	hypervisor/cell_control.c hypervisor/cell_cpu.c \
	hypervisor/cell_create.c hypervisor/cell_destroy.c \
	hypervisor/cell_fail.c hypervisor/cell_mappings.c \
	hypervisor/cell_root.c hypervisor/cell_state.c hypervisor/cell_table.c \
	hypervisor/colour.c hypervisor/config.c hypervisor/hypercall.c \
	hypervisor/ivshmem.c hypervisor/ivshmem_ring.c \
	hypervisor/ratelimit.c arch/fake/cpu.c \
	$(CHECKER_ARCH_SRCS) \
	$(CORE_DIR)/world.c $(UNIT_DIR)/builder.c
CORE_WORLD_NAMES := test_lifecycle test_cell_cpu test_hypercall test_ivshmem
CORE_WORLD_TESTS := $(addprefix $(CORE_OUT)/,$(CORE_WORLD_NAMES))
CORE_WORLD_LDFLAGS := -Wl,--wrap=page_alloc

$(CORE_WORLD_TESTS): $(CORE_OUT)/%: $(CORE_DIR)/%.c $(CORE_SRCS) \
		$(CORE_WORLD) $(CORE_HEADERS) $(CORE_DIR)/world.h \
		$(UNIT_DIR)/builder.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CORE_CFLAGS) -o $@ $(filter %.c,$^) \
		$(CORE_WORLD_LDFLAGS) -lcmocka

$(CORE_OUT)/test_%: $(CORE_DIR)/test_%.c $(CORE_SRCS) $(CORE_HEADERS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CORE_CFLAGS) -o $@ $(filter %.c,$^) -lcmocka

# cell_create() with the config checker; the rest of create is stubbed.
CORE_CREATE := hypervisor/cell_create.c hypervisor/config.c \
	$(CHECKER_ARCH_SRCS)
$(CORE_OUT)/test_cell_create: $(CORE_DIR)/test_cell_create.c $(CORE_SRCS) \
		$(CORE_CREATE) $(CORE_HEADERS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CORE_CFLAGS) -o $@ $(filter %.c,$^) -lcmocka

# The print budgets against the fake counter.
CORE_RL := hypervisor/ratelimit.c
$(CORE_OUT)/test_ratelimit: $(CORE_DIR)/test_ratelimit.c $(CORE_SRCS) \
		$(CORE_RL) $(CORE_HEADERS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CORE_CFLAGS) -o $@ $(filter %.c,$^) -lcmocka

# The formatter and printk, and the MMIO region table.
CORE_PRINTK := hypervisor/printk.c hypervisor/mmio.c
$(CORE_OUT)/test_printk: $(CORE_DIR)/test_printk.c $(CORE_SRCS) \
		$(CORE_PRINTK) $(CORE_HEADERS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CORE_CFLAGS) -o $@ $(filter %.c,$^) -lcmocka

# The hypervisor's memset/memcpy, renamed beside the host's own.
CORE_STRING_RENAME := -Dmemset=wd_memset -Dmemcpy=wd_memcpy \
	-Dmemcmp=wd_memcmp -Dstrnlen=wd_strnlen
$(CORE_OUT)/test_string: $(CORE_DIR)/test_string.c hypervisor/string.c \
		$(CORE_HEADERS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CORE_CFLAGS) $(CORE_STRING_RENAME) -fno-builtin -o $@ \
		$(filter %.c,$^) -lcmocka

.PHONY: test-core
test-core: $(CORE_TESTS)
	@failed=0; for t in $(CORE_TESTS); do \
		$$t || failed=1; \
	done; \
	if [ $$failed = 0 ]; then echo "test-core: all passed"; \
	else echo "test-core: FAILED"; fi; \
	exit $$failed

# Slow (minutes): every mutant of tests/core/mutation.py (one rule of
# hypervisor/ broken) must make its core test fail.
.PHONY: test-core-mutation
test-core-mutation:
	python3 tests/core/mutation.py

# What the root lends and takes back, with configs from the unit builder.
CORE_ROOT := hypervisor/cell_root.c hypervisor/colour.c hypervisor/config.c \
	$(CHECKER_ARCH_SRCS) \
	$(UNIT_DIR)/builder.c
$(CORE_OUT)/test_cell_root: $(CORE_DIR)/test_cell_root.c $(CORE_SRCS) \
		$(CORE_ROOT) $(CORE_HEADERS) $(UNIT_DIR)/builder.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CORE_CFLAGS) -I$(UNIT_DIR) -o $@ $(filter %.c,$^) -lcmocka

# Coverage build: one object per source, so the counts of every test
# binary add up in the same .gcda files.
COV_OUT := $(OUT)/host/tests/core-cov
COV_OBJS := $(patsubst %.c,$(COV_OUT)/%.o,$(CORE_SRCS))
COV_CREATE := $(patsubst %.c,$(COV_OUT)/%.o,$(CORE_CREATE))
COV_ROOT := $(patsubst %.c,$(COV_OUT)/%.o,$(CORE_ROOT))
COV_WORLD := $(patsubst %.c,$(COV_OUT)/%.o,$(CORE_WORLD))
COV_PRINTK := $(patsubst %.c,$(COV_OUT)/%.o,$(CORE_PRINTK))
# Every hypervisor/ file some core test builds; the others are compiled
# (not linked) only for gcov to count their lines in the total.
CORE_COVERED := $(sort $(filter hypervisor/%,$(CORE_SRCS) $(CORE_CREATE) \
	$(CORE_ROOT) $(CORE_WORLD) $(CORE_PRINTK)))
CORE_ALL := $(sort $(wildcard hypervisor/*.c))
COV_UNBUILT := $(patsubst %.c,$(COV_OUT)/%.o,\
	$(filter-out $(CORE_COVERED),$(CORE_ALL)))
COV_FLAGS := $(CORE_FLAGS) -O0 --coverage -I$(TOP)/$(CONFIG_TEXT_DIR)

.SECONDARY: $(COV_OBJS) $(COV_CREATE) $(COV_ROOT) $(COV_WORLD) \
	$(COV_PRINTK)
$(COV_OUT)/%.o: %.c $(CORE_HEADERS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(COV_FLAGS) -c $< -o $@

$(COV_OUT)/test_%: $(CORE_DIR)/test_%.c $(COV_OBJS)
	$(HOSTCC) $(COV_FLAGS) -o $@ $^ -lcmocka

$(addprefix $(COV_OUT)/,$(CORE_WORLD_NAMES)): $(COV_OUT)/%: \
		$(CORE_DIR)/%.c $(COV_OBJS) $(COV_WORLD)
	$(HOSTCC) $(COV_FLAGS) -o $@ $^ $(CORE_WORLD_LDFLAGS) -lcmocka

$(COV_OUT)/test_ratelimit: $(CORE_DIR)/test_ratelimit.c $(COV_OBJS) \
		$(COV_OUT)/hypervisor/ratelimit.o
	$(HOSTCC) $(COV_FLAGS) -o $@ $^ -lcmocka

$(COV_OUT)/test_printk: $(CORE_DIR)/test_printk.c $(COV_OBJS) \
		$(COV_PRINTK)
	$(HOSTCC) $(COV_FLAGS) -o $@ $^ -lcmocka

$(COV_OUT)/test_cell_create: $(CORE_DIR)/test_cell_create.c $(COV_OBJS) \
		$(COV_CREATE)
	$(HOSTCC) $(COV_FLAGS) -o $@ $^ -lcmocka

$(COV_OUT)/test_cell_root: $(CORE_DIR)/test_cell_root.c $(COV_OBJS) \
		$(COV_ROOT)
	$(HOSTCC) $(COV_FLAGS) -I$(UNIT_DIR) -o $@ $^ -lcmocka

# The checker's unit tests that link hypervisor/config.c count too (the
# ones that include a hypervisor file themselves would not add up here).
COV_UNIT_NAMES := test_cell test_colour test_gic_windows test_layout \
	test_links test_platform test_set
COV_UNIT := $(patsubst %.c,$(COV_OUT)/%.o,$(UNIT_COMMON))
.SECONDARY: $(COV_UNIT) $(COV_UNBUILT)
$(addprefix $(COV_OUT)/unit/,$(COV_UNIT_NAMES)): $(COV_OUT)/unit/%: \
		$(UNIT_DIR)/%.c $(COV_UNIT) $(UNIT_HEADERS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(COV_FLAGS) -o $@ $(filter-out %.h,$^) -lcmocka

.PHONY: test-core-coverage
test-core-coverage: $(addprefix $(COV_OUT)/,$(CORE_NAMES)) \
		$(addprefix $(COV_OUT)/unit/,$(COV_UNIT_NAMES)) $(COV_UNBUILT)
	@find $(COV_OUT) -name '*.gcda' -delete
	@for t in $(filter-out %.o,$^); do \
		$$t >/dev/null 2>&1 || { echo "$$t: FAILED"; exit 1; }; \
	done
	@for f in $(CORE_ALL); do \
		gcov -n -o $(COV_OUT)/$$(dirname $$f) $$f 2>/dev/null | \
			sed -n "/File '$$(echo $$f | sed 's,/,\\/,g')'/{n;p;q}" | \
			sed "s,^,$$f: ,"; \
	done | awk -v built="$(CORE_COVERED)" \
		'BEGIN { split(built, b, " "); for (i in b) is[b[i]] = 1 } \
		{ f = $$1; sub(/:$$/, "", f); l = $$0; \
		sub(/.*executed:/, "", l); split(l, a, "% of "); \
		h = int(a[1] * a[2] / 100 + 0.5); n += a[2]; hit += h; \
		if (f in is) { nb += a[2]; hb += h; print } \
		else print $$0 " (no test builds it)" } \
		END { printf "total: %.1f%% of the files the tests build " \
			"(%d of %d lines), %.1f%% of hypervisor/ " \
			"(%d of %d)\n", 100 * hb / nb, hb, nb, \
			100 * hit / n, hit, n }'

# x86 TEST FIXTURE: tests/x86/inmate-min.S built once per FAULT case
# (0 ticks, 1-7 faults, 8 COM2), for x86-cells and x86-faults until
# inmates/lib/x86's demos replace it.
X86_MIN_BINS := $(foreach f,0 1 2 3 4 5 6 7 8,$(OUT)/x86/inmates/inmate-min-$(f).bin)
ALL_TARGETS += $(X86_MIN_BINS)
$(OUT)/x86/inmates/inmate-min-%.bin: tests/x86/inmate-min.S
	@mkdir -p $(dir $@)
	@$(HOSTCC) -m32 -DFAULT=$* -c $< -o $@.o
	@ld -m elf_i386 -Ttext=0x100000 -e _start $@.o -o $@.elf
	@objcopy -O binary $@.elf $@
	@rm -f $@.o $@.elf
