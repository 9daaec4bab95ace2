# Host unit tests: the config checker (hypervisor/config.c) under cmocka
# with AddressSanitizer and UBSan, then the host CLI against real blobs.
UNIT_DIR := tests/unit
UNIT_OUT := $(OUT)/host/tests
UNIT_CFLAGS := $(HOST_CFLAGS) -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all -I$(UNIT_DIR)
UNIT_COMMON := $(UNIT_DIR)/builder.c $(UNIT_DIR)/recorder.c \
	$(UNIT_DIR)/rule_cases.c hypervisor/config.c
UNIT_HEADERS := $(wildcard $(UNIT_DIR)/*.h) include/warden/config.h \
	hypervisor/include/wd/config_check.h hypervisor/include/wd/colour.h
UNIT_TESTS := $(patsubst $(UNIT_DIR)/%.c,$(UNIT_OUT)/%,\
	$(wildcard $(UNIT_DIR)/test_*.c))

$(UNIT_OUT)/test_%: $(UNIT_DIR)/test_%.c $(UNIT_COMMON) $(UNIT_HEADERS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(UNIT_CFLAGS) -o $@ $< $(UNIT_COMMON) -lcmocka

# The CLI's reader of RTOS statistics (tools/rt_stats.c), not the checker.
$(UNIT_OUT)/test_rt_stats: $(UNIT_DIR)/test_rt_stats.c tools/rt_stats.c \
		tools/rt_stats.h include/warden/rtos.h include/warden/ioctl.h \
		include/warden/comm.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(UNIT_CFLAGS) -D_GNU_SOURCE -Itools -o $@ \
		$(filter %.c,$^) -lcmocka

# Runs every test binary even if one fails, then fails if any did.
.PHONY: test-unit
test-unit: $(UNIT_TESTS) $(OUT)/host/warden $(CONFIG_BLOBS)
	@failed=0; for t in $(UNIT_TESTS); do \
		$$t || failed=1; \
	done; \
	bash tests/cli/test-cli.sh $(OUT)/host/warden $(OUT)/arm64 || failed=1; \
	bash tests/build/test-goals.sh || failed=1; \
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
		$(UNIT_HEADERS)
	@mkdir -p $(dir $@)
	clang -std=c11 -Wall -Wextra -Werror -g -O1 -I$(TOP)/include \
		-I$(TOP)/hypervisor/include -fsanitize=fuzzer,address,undefined \
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
