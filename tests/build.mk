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

# Runs every test binary even if one fails, then fails if any did.
.PHONY: test-unit
test-unit: $(UNIT_TESTS) $(OUT)/host/warden $(CONFIG_BLOBS)
	@failed=0; for t in $(UNIT_TESTS); do \
		$$t || failed=1; \
	done; \
	bash tests/cli/test-cli.sh $(OUT)/host/warden $(OUT)/arm64 || failed=1; \
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
FUZZ_SECONDS ?= 60
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
		-max_len=8192 $(FUZZ_OUT)/corpus
