/* SPDX-License-Identifier: GPL-2.0 */
/* x86 architectural constants the start-up code and the library share. */
#ifndef INMATE_X86_H
#define INMATE_X86_H

/* EAX at entry: who started the inmate (Documentation/inmate-abi.md) */
#define INMATE_MAGIC_MULTIBOOT 0x2badb002
#define INMATE_MAGIC_WARDEN 0x5744454e /* "WDEN" */

#define GDT_CODE64 0x08
#define GDT_DATA 0x10

#define X86_CR0_PE 0x00000001
#define X86_CR0_PG 0x80000000
#define X86_CR4_PAE 0x00000020
#define X86_MSR_EFER 0xc0000080
#define X86_EFER_LME 0x00000100

#endif
