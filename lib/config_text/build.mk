# The config checker's message texts (config_text.h): linked by the tools
# that show violations (the `warden` CLI, warden.ko, the unit tests and
# the fuzzer), never by Warden, whose console shows the violation code.
CONFIG_TEXT_DIR := lib/config_text
CONFIG_TEXT_SRCS := $(CONFIG_TEXT_DIR)/config_text.c
CONFIG_TEXT_HDRS := $(CONFIG_TEXT_DIR)/config_text.h \
	include/warden/config_codes.h
