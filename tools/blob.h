/* SPDX-License-Identifier: GPL-2.0 */
/* Reading a whole file (a config blob or an inmate image) into memory. */
#ifndef WARDEN_BLOB_H
#define WARDEN_BLOB_H

#include <stddef.h>

#define CONFIG_MAX_SIZE (1u << 20) /* far above any valid config */
#define IMAGE_MAX_SIZE (256u << 20) /* a whole cell pool */

struct blob {
	void *data; /* malloc'd, so aligned for the config structs */
	size_t size;
};

/*
 * Reads path into b. On failure prints "warden: PATH: REASON" and returns
 * -1 (missing, unreadable, or larger than max bytes).
 */
int blob_load(const char *path, size_t max, struct blob *b);
void blob_free(struct blob *b);

#endif
