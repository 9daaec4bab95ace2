/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cache colours and DRAM banks of physical frames (see
 * Documentation/colouring.md).
 *
 * The colour of a 4 KiB frame is its frame number modulo the number of
 * colours, LLC way size / 4 KiB: frames of different colours never share
 * a cache set. Its bank is the value of the physical-address bits in
 * bank_mask, packed together (bit i of the bank number is the i-th lowest
 * bit of bank_mask).
 *
 * Header-only on purpose: the config checker (built into the hypervisor,
 * the driver and both CLIs, each with its own build) and the hypervisor's
 * frame walk must agree on every frame, so they include the same code.
 * Only the fixed-width types of <warden/config.h>, no libc.
 *
 * Inputs may come from a config nobody checked yet: every function is
 * defined for any value, and every step of a walk moves forward, so a
 * walk over [start, end) takes at most (end - start) / 4 KiB steps.
 */
#ifndef WD_COLOUR_H
#define WD_COLOUR_H

#include <warden/config.h>

#define COLOUR_FRAME_SHIFT 12
#define COLOUR_FRAME_SIZE (1ull << COLOUR_FRAME_SHIFT)
#define COLOUR_MAX 64 /* a cell's colours are one 64-bit mask */
#define COLOUR_NONE (~0ull) /* "no such address" */

struct colour_geometry {
	wd_u64 colour_mask; /* frame-number bits that give the colour */
	wd_u64 bank_mask; /* physical-address bits that give the bank */
};

/* What a cell may use. 0 means every colour, every bank. */
struct colour_set {
	wd_u64 colours; /* bit n: colour n */
	wd_u64 banks; /* bit n: bank n */
};

/*
 * Colours of a way of way_size bytes, rounded down to a power of two and
 * capped at 64: with more, colour bit n stands for every colour that is
 * n modulo 64, which still splits the cache into disjoint parts.
 */
static inline void colour_geometry_init(struct colour_geometry *g,
					wd_u64 way_size, wd_u64 bank_mask)
{
	wd_u64 frames = way_size >> COLOUR_FRAME_SHIFT, count = 1;

	while (count < COLOUR_MAX && count * 2 <= frames)
		count *= 2;
	g->colour_mask = count - 1;
	g->bank_mask = bank_mask;
}

static inline unsigned int colour_count(const struct colour_geometry *g)
{
	return (unsigned int)g->colour_mask + 1;
}

static inline wd_u64 colour_of(const struct colour_geometry *g, wd_u64 pa)
{
	return (pa >> COLOUR_FRAME_SHIFT) & g->colour_mask;
}

/* Packs the bank_mask bits of pa, lowest first. */
static inline wd_u64 bank_of(const struct colour_geometry *g, wd_u64 pa)
{
	wd_u64 mask = g->bank_mask, bank = 0, bit = 1;

	for (; mask; mask &= mask - 1, bit <<= 1)
		if (pa & mask & (~mask + 1))
			bank |= bit;
	return bank;
}

/* n is in set; an empty set stands for everything. */
static inline int colour_set_has(wd_u64 set, wd_u64 n)
{
	return !set || (n < 64 && ((set >> n) & 1));
}

static inline int colour_frame_ok(const struct colour_geometry *g,
				  const struct colour_set *s, wd_u64 pa)
{
	return colour_set_has(s->colours, colour_of(g, pa)) &&
	       colour_set_has(s->banks, bank_of(g, pa));
}

/* The colour bits that exist on this geometry. */
static inline wd_u64 colour_all(const struct colour_geometry *g)
{
	return (2ull << g->colour_mask) - 1;
}

/*
 * The first frame at or after pa's frame whose colour is in colours
 * (not 0). Every frame in between has another colour.
 */
static inline wd_u64 colour_skip(const struct colour_geometry *g,
				 wd_u64 colours, wd_u64 pa)
{
	wd_u64 wanted = colours & colour_all(g);
	wd_u64 above = wanted & ~((1ull << colour_of(g, pa)) - 1);
	wd_u64 frame = pa >> COLOUR_FRAME_SHIFT;

	if (!wanted)
		return COLOUR_NONE;
	if (!above) /* none left in this span of colours: the next one */
		frame = (frame | g->colour_mask) + 1;
	frame &= ~g->colour_mask;
	frame |= __builtin_ctzll(above ? above : wanted);
	if (frame >> (64 - COLOUR_FRAME_SHIFT))
		return COLOUR_NONE;
	return frame << COLOUR_FRAME_SHIFT;
}

/*
 * The next address after pa where a bank bit can change: every frame in
 * between is in pa's bank.
 */
static inline wd_u64 bank_skip(const struct colour_geometry *g, wd_u64 pa)
{
	wd_u64 step = g->bank_mask & (~g->bank_mask + 1), next;

	if (step < COLOUR_FRAME_SIZE)
		step = COLOUR_FRAME_SIZE;
	next = (pa | (step - 1)) + 1;
	return next > pa ? next : COLOUR_NONE;
}

/* Frames of a set inside [next, end), in address order. */
struct colour_walk {
	struct colour_geometry geo;
	struct colour_set set;
	wd_u64 next; /* first address not looked at yet */
	wd_u64 end;
};

static inline void colour_walk_init(struct colour_walk *w,
				    const struct colour_geometry *g,
				    const struct colour_set *s, wd_u64 start,
				    wd_u64 end)
{
	w->geo = *g;
	w->set = *s;
	/* Frames are whole: an unaligned start begins at the next one. */
	w->next = (start + COLOUR_FRAME_SIZE - 1) & ~(COLOUR_FRAME_SIZE - 1);
	if (w->next < start)
		w->next = COLOUR_NONE;
	w->end = end;
}

/* Sets *pa to the next frame of the set; 0 when there is none left. */
static inline int colour_next_frame(struct colour_walk *w, wd_u64 *pa)
{
	wd_u64 at = w->next;

	while (at < w->end && w->end - at >= COLOUR_FRAME_SIZE) {
		if (!colour_set_has(w->set.colours, colour_of(&w->geo, at))) {
			at = colour_skip(&w->geo, w->set.colours, at);
		} else if (!colour_set_has(w->set.banks,
					   bank_of(&w->geo, at))) {
			at = bank_skip(&w->geo, at);
		} else {
			*pa = at;
			w->next = at + COLOUR_FRAME_SIZE;
			return 1;
		}
	}
	w->next = w->end;
	return 0;
}

/* Frames of the set inside [start, end). */
static inline wd_u64 colour_count_frames(const struct colour_geometry *g,
					 const struct colour_set *s,
					 wd_u64 start, wd_u64 end)
{
	struct colour_walk w;
	wd_u64 pa, n = 0;

	colour_walk_init(&w, g, s, start, end);
	while (colour_next_frame(&w, &pa))
		n++;
	return n;
}

/*
 * Where the frames for bytes of memory, taken in address order from
 * start, end: they all lie in [start, *span_end), the pool a region of
 * that size needs. -1 when [start, end) holds too few frames of the set.
 */
static inline int colour_span(const struct colour_geometry *g,
			      const struct colour_set *s, wd_u64 start,
			      wd_u64 end, wd_u64 bytes, wd_u64 *span_end)
{
	wd_u64 frames = (bytes >> COLOUR_FRAME_SHIFT) +
			!!(bytes & (COLOUR_FRAME_SIZE - 1));
	struct colour_walk w;
	wd_u64 pa;

	colour_walk_init(&w, g, s, start, end);
	*span_end = start;
	for (; frames; frames--) {
		if (!colour_next_frame(&w, &pa))
			return -1;
		*span_end = pa + COLOUR_FRAME_SIZE;
	}
	return 0;
}

#endif
