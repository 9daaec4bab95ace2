/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The root cell's memory map a generated system config gives: its RAM
 * (the board's RAM minus Warden's memory) and IO regions covering every
 * device the DT names, merged to fit WD_MAX_MEM_REGIONS, never over RAM
 * or a GIC frame (Warden's).
 */
#ifndef WARDEN_CREATE_ROOT_MAP_H
#define WARDEN_CREATE_ROOT_MAP_H

#include "dt.h"

#define NOTE_LEN 160

struct map_region {
	struct range r;
	unsigned int num_devs;
	char note[NOTE_LEN]; /* the devices it covers, for the comment */
};

struct root_map {
	struct map_region ram[DT_MAX_BANKS * 2];
	unsigned int num_ram;
	struct map_region io[DT_MAX_RANGES];
	unsigned int num_io;
};

/* The GIC frames of b (Warden's): fills out[], returns how many. */
unsigned int gic_frames_of(const struct board *b, struct range *out);

/* Builds the root's map; 0, or non-zero after printing the error. */
int root_map_build(const struct board *b, unsigned int budget,
		   struct root_map *m);

#endif
