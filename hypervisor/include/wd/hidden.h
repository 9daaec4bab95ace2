/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Included first in every hypervisor object (-include): all symbols are
 * hidden, so position-independent code reaches them PC-relative instead
 * of through a GOT that would need relocating before use.
 */
#pragma GCC visibility push(hidden)
