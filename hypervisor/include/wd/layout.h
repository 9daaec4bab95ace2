/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Image layout constants, shared by C, assembly and the linker script.
 * See Documentation/hypervisor.md for the memory map.
 */
#ifndef WD_LAYOUT_H
#define WD_LAYOUT_H

#define WD_MAX_CPUS_HV 64 /* per-CPU areas; the config may use fewer */
#define WD_PERCPU_SIZE 0x4000 /* 16 KiB: data + stack */
#define WD_MIN_STACK 0x3000
#define WD_CONFIG_MAX 0x10000 /* bytes reserved for the system config */
#define WD_FRAME_SIZE 256 /* saved x0..x30 of the interrupted cell */

#endif
