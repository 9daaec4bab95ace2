/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * warden-net's ring protocol in a shared-memory link (not Warden's ABI:
 * Warden only maps the memory and rings the doorbells). Two sides, each
 * with a control block it alone writes and a ring it alone produces into;
 * the other side consumes it. Both sides map the memory cacheable (both
 * are Linux): plain loads and stores with barriers, no cache maintenance.
 * Everything read from the peer is untrusted and checked on every read.
 * Documented in Documentation/vnet.md.
 */
#ifndef WARDEN_VNET_H
#define WARDEN_VNET_H

#include <warden/config.h>

#define WD_VNET_MAGIC 0x544e4457u /* "WDNT" */
#define WD_VNET_VERSION 2u /* 2: byte rings of variable-length records */

/* Side 0's control block at 0, side 1's at 64; rings from 0x1000. */
#define WD_VNET_CTL_SIZE 64
#define WD_VNET_RING0 0x1000
/* a power of two: byte indices run free modulo 2^32 */
#define WD_VNET_RING_SIZE 0x40000
#define WD_VNET_MIN_REGION (WD_VNET_RING0 + 2 * WD_VNET_RING_SIZE)
#define WD_VNET_ALIGN 64 /* records start aligned: a header never wraps */
#define WD_VNET_REC_HDR 16
/* four records of the largest frame fill a ring */
#define WD_VNET_MAX_FRAME (WD_VNET_RING_SIZE / 4 - WD_VNET_REC_HDR)

struct wd_vnet_ctl {
	wd_u32 magic; /* WD_VNET_MAGIC while this side runs */
	wd_u32 version;
	wd_u32 epoch; /* new at each start of this side; 0: stopped */
	wd_u32 ack; /* the peer's epoch this side has reset its indices for */
	wd_u32 tx_prod; /* bytes this side has put into its ring */
	wd_u32 rx_cons; /* bytes of the peer's ring this side has taken */
	wd_u32 rx_armed; /* 1: ring me when you produce */
	wd_u32 tx_stopped; /* 1: ring me when you consume (my ring is full) */
	wd_u32 reserved[8];
};

/* The frame's checksum is to be filled in (a TCP/UDP checksum offload). */
#define WD_VNET_F_CSUM 1u

/*
 * At the start of each record (at a multiple of WD_VNET_ALIGN); the
 * frame follows and may wrap around the ring's end; the next record
 * starts at the next multiple of WD_VNET_ALIGN.
 */
struct wd_vnet_rec {
	wd_u32 len; /* Ethernet frame bytes, ETH_HLEN .. WD_VNET_MAX_FRAME */
	wd_u16 flags; /* WD_VNET_F_* */
	wd_u16 csum_start; /* F_CSUM: sum from here (frame offset) to the end */
	wd_u16 csum_offset; /* F_CSUM: store it at csum_start + this */
	wd_u16 reserved16;
	wd_u32 reserved;
};

#endif
