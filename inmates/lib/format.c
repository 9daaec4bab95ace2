// SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause
/*
 * printf format engine (see format.h). Pure code with no I/O and no libc,
 * compiled both into inmates and into a host unit test.
 */
#include <stdbool.h>
#include <stdint.h>
#include <inmate/format.h>

enum length { LEN_HH, LEN_H, LEN_INT, LEN_L, LEN_LL, LEN_Z };

struct spec {
	bool left; /* '-': pad on the right */
	bool zero; /* '0': pad numbers with zeros */
	int width;
	enum length length;
};

struct out {
	format_sink sink;
	void *ctx;
	int count;
};

static void emit(struct out *out, char c)
{
	out->sink(c, out->ctx);
	out->count++;
}

static void emit_repeat(struct out *out, char c, int n)
{
	while (n-- > 0)
		emit(out, c);
}

static void emit_str(struct out *out, const char *s)
{
	while (*s)
		emit(out, *s++);
}

static int str_len(const char *s)
{
	int n = 0;

	while (s[n])
		n++;
	return n;
}

/* Writes the digits of value backwards into the end of buf; returns them. */
static const char *digits(char *buf_end, uint64_t value, unsigned int base,
			  bool upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = buf_end;

	*--p = '\0';
	do {
		*--p = set[value % base];
		value /= base;
	} while (value);
	return p;
}

/* sign_prefix is "-", "0x" or "": printed before any zero padding. */
static void emit_number(struct out *out, const struct spec *spec,
			uint64_t value, unsigned int base, bool upper,
			const char *sign_prefix)
{
	char buf[24]; /* 22 octal digits of a 64-bit value, and a NUL */
	const char *num = digits(buf + sizeof(buf), value, base, upper);
	int pad = spec->width - str_len(num) - str_len(sign_prefix);

	if (!spec->left && !spec->zero)
		emit_repeat(out, ' ', pad);
	emit_str(out, sign_prefix);
	if (!spec->left && spec->zero)
		emit_repeat(out, '0', pad);
	emit_str(out, num);
	if (spec->left)
		emit_repeat(out, ' ', pad);
}

static void emit_text(struct out *out, const struct spec *spec, const char *s)
{
	int pad = spec->width - str_len(s);

	if (!spec->left)
		emit_repeat(out, ' ', pad);
	emit_str(out, s);
	if (spec->left)
		emit_repeat(out, ' ', pad);
}

static int64_t fetch_signed(enum length length, va_list *ap)
{
	switch (length) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
		return va_arg(*ap, long long);
	case LEN_Z:
		return (int64_t)va_arg(*ap, size_t);
	default:
		return va_arg(*ap, int);
	}
}

static uint64_t fetch_unsigned(enum length length, va_list *ap)
{
	switch (length) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
		return va_arg(*ap, unsigned long long);
	case LEN_Z:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static void emit_signed(struct out *out, const struct spec *spec, va_list *ap)
{
	int64_t value = fetch_signed(spec->length, ap);
	/* Negate in unsigned arithmetic: INT64_MIN has no positive twin. */
	uint64_t magnitude = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;

	emit_number(out, spec, magnitude, 10, false, value < 0 ? "-" : "");
}

static const char *parse_flags(const char *p, struct spec *spec)
{
	for (;; p++) {
		if (*p == '-')
			spec->left = true;
		else if (*p == '0')
			spec->zero = true;
		else
			return p;
	}
}

static const char *parse_width(const char *p, struct spec *spec, va_list *ap)
{
	if (*p == '*') {
		spec->width = va_arg(*ap, int);
		if (spec->width < 0) {
			spec->left = true;
			spec->width = -spec->width;
		}
		return p + 1;
	}
	while (*p >= '0' && *p <= '9')
		spec->width = spec->width * 10 + (*p++ - '0');
	return p;
}

static const char *parse_length(const char *p, struct spec *spec)
{
	spec->length = LEN_INT;
	if (*p == 'z')
		spec->length = LEN_Z;
	else if (*p == 'h')
		spec->length = p[1] == 'h' ? LEN_HH : LEN_H;
	else if (*p == 'l')
		spec->length = p[1] == 'l' ? LEN_LL : LEN_L;
	else
		return p;
	return p + (spec->length == LEN_HH || spec->length == LEN_LL ? 2 : 1);
}

/* Returns false for a conversion this engine does not know. */
static bool convert(struct out *out, const struct spec *spec, char conv,
		    va_list *ap)
{
	char c[2] = {0, 0};
	const char *s;

	switch (conv) {
	case 'd':
	case 'i':
		emit_signed(out, spec, ap);
		break;
	case 'u':
		emit_number(out, spec, fetch_unsigned(spec->length, ap), 10,
			    false, "");
		break;
	case 'x':
	case 'X':
		emit_number(out, spec, fetch_unsigned(spec->length, ap), 16,
			    conv == 'X', "");
		break;
	case 'o':
		emit_number(out, spec, fetch_unsigned(spec->length, ap), 8,
			    false, "");
		break;
	case 'p':
		emit_number(out, spec, (uintptr_t)va_arg(*ap, void *), 16,
			    false, "0x");
		break;
	case 's':
		s = va_arg(*ap, const char *);
		emit_text(out, spec, s ? s : "(null)");
		break;
	case 'c':
		c[0] = (char)va_arg(*ap, int);
		emit_text(out, spec, c);
		break;
	case '%':
		emit(out, '%');
		break;
	default:
		return false;
	}
	return true;
}

/* p points after '%'; returns where the text continues. */
static const char *format_one(struct out *out, const char *p, va_list *ap)
{
	const char *start = p - 1;
	struct spec spec = {0};

	p = parse_flags(p, &spec);
	p = parse_width(p, &spec, ap);
	p = parse_length(p, &spec);
	if (*p && convert(out, &spec, *p, ap))
		return p + 1;
	/* Unknown: show it as written so the mistake is visible. */
	while (start < p)
		emit(out, *start++);
	return p;
}

int format_va(format_sink sink, void *ctx, const char *fmt, va_list ap)
{
	struct out out = {.sink = sink, .ctx = ctx, .count = 0};
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt == '%')
			fmt = format_one(&out, fmt + 1, &args);
		else
			emit(&out, *fmt++);
	}
	va_end(args);
	return out.count;
}
