// SPDX-License-Identifier: GPL-2.0
/* Command tables: finding a command, and the --help texts. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "warden.h"

#define PATH_MAX_LEN 128

int fail(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout); /* keep the order of what was printed before */
	fputs("warden: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return WARDEN_FAIL;
}

static int is_help(const char *arg)
{
	return !strcmp(arg, "--help") || !strcmp(arg, "-h");
}

static int wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (is_help(argv[i]))
			return 1;
	return 0;
}

/* One line per leaf command below group, nested groups flattened. */
static void list_commands(FILE *out, const struct command *group,
			  const char *prefix)
{
	const struct command *c;
	char name[PATH_MAX_LEN];

	for (c = group->sub; c->name; c++) {
		snprintf(name, sizeof(name), "%s%s%s", prefix,
			 *prefix ? " " : "", c->name);
		if (c->sub) {
			list_commands(out, c, name);
			continue;
		}
		snprintf(name + strlen(name), sizeof(name) - strlen(name),
			 "%s%s", *c->args ? " " : "", c->args);
		fprintf(out, "  %-40s %s\n", name, c->summary);
	}
}

static void group_help(FILE *out, const struct command *group, const char *path)
{
	fprintf(out, "usage: %s COMMAND [ARGS]\n\n%s\n\ncommands:\n", path,
		group->summary);
	list_commands(out, group, "");
	fprintf(out, "\n'%s COMMAND --help' describes one command.\n", path);
	if (group->help)
		fprintf(out, "\n%s", group->help);
}

static void command_help(FILE *out, const struct command *c, const char *path)
{
	fprintf(out, "usage: %s%s%s\n\n%s\n", path, *c->args ? " " : "",
		c->args, c->summary);
	if (c->help)
		fprintf(out, "\n%s", c->help);
}

static const struct command *find(const struct command *group, const char *name)
{
	const struct command *c;

	for (c = group->sub; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static int run_leaf(const struct command *c, const char *path, int argc,
		    char **argv)
{
	int ret;

	if (wants_help(argc, argv)) {
		command_help(stdout, c, path);
		return WARDEN_OK;
	}
	ret = c->run(argc, argv);
	if (ret != WARDEN_BAD_USAGE)
		return ret;
	fprintf(stderr, "usage: %s%s%s\n", path, *c->args ? " " : "", c->args);
	return WARDEN_INPUT;
}

int dispatch(const struct command *group, const char *path, int argc,
	     char **argv)
{
	const struct command *c;
	char sub_path[PATH_MAX_LEN];

	if (argc < 2) {
		group_help(stderr, group, path);
		return WARDEN_INPUT;
	}
	if (is_help(argv[1])) {
		group_help(stdout, group, path);
		return WARDEN_OK;
	}
	c = find(group, argv[1]);
	if (!c) {
		fail("'%s' is not a command of '%s' (see '%s --help')", argv[1],
		     path, path);
		return WARDEN_INPUT;
	}
	snprintf(sub_path, sizeof(sub_path), "%s %s", path, c->name);
	if (c->sub)
		return dispatch(c, sub_path, argc - 1, argv + 1);
	return run_leaf(c, sub_path, argc - 1, argv + 1);
}
