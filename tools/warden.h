/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The `warden` CLI: git-style commands over /dev/warden, plus an offline
 * config checker. Built twice from the same sources: for the host (C11)
 * and statically for the arm64 guest.
 */
#ifndef WARDEN_CLI_H
#define WARDEN_CLI_H

/* Exit statuses. */
#define WARDEN_OK 0
#define WARDEN_FAIL 1 /* violations, or the driver refused */
#define WARDEN_INPUT 2 /* unreadable input or bad usage */

/* Returned by a command's run() on bad arguments: dispatch prints usage. */
#define WARDEN_BAD_USAGE (-1)

struct command {
	const char *name;
	const char *args; /* synopsis after the name; NULL for groups */
	const char *summary; /* one line for the command list */
	const char *help; /* more detail for `CMD --help`, may be NULL */
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
	const struct command *sub; /* a group's commands, {0}-terminated */
};

/* argv[0] names the group; runs the subcommand argv[1] names. */
int dispatch(const struct command *group, const char *path, int argc,
	     char **argv);

/* Prints "warden: " and the message to stderr; returns WARDEN_FAIL. */
int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

extern const struct command config_commands[];
extern const struct command cell_commands[];

int cmd_enable(int argc, char **argv);
int cmd_disable(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_console(int argc, char **argv);
int cmd_cell_linux(int argc, char **argv); /* cmd_linux.c */

#endif
