// SPDX-License-Identifier: GPL-2.0
/*
 * The return-code table of a run: how often each kind of call came back
 * with each value. Negative values and small ones are kept as they are
 * (error codes, states, counts); larger ones are data (GET_INFO sizes,
 * CELL_STATS counters) and share one row per kind.
 */
#include <linux/kernel.h>
#include <linux/sort.h>

#include "hcfuzz.h"

static s64 bucket(long ret)
{
	if (ret < HCF_RET_SMALL || ret == WD_STUB_ERR)
		return ret;
	return HCF_RET_DATA;
}

void hcf_count(struct hcf_table *t, u64 id, long ret)
{
	u32 kind = hcf_kind_of(id);
	s64 value = bucket(ret);
	unsigned int i;

	for (i = 0; i < t->rows; i++) {
		if (t->row[i].kind == kind && t->row[i].ret == value) {
			t->row[i].count++;
			return;
		}
	}
	if (t->rows == HCF_TABLE_ROWS) {
		t->lost++;
		return;
	}
	t->row[t->rows++] = (struct hcf_row){kind, value, 1};
}

static int row_order(const void *a, const void *b)
{
	const struct hcf_row *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->ret < y->ret ? -1 : x->ret > y->ret;
}

static int print_row(const struct hcf_row *r, char *buf, size_t size)
{
	char name[48];
	int n;

	hcf_kind_name(r->kind, name, sizeof(name));
	n = scnprintf(buf, size, "  %-36s ", name);
	if (r->ret == HCF_RET_DATA)
		n += scnprintf(buf + n, size - n, "%14s", ">= 16 (data)");
	else if (r->ret == WD_STUB_ERR)
		n += scnprintf(buf + n, size - n, "%14s", "0xbadca11");
	else
		n += scnprintf(buf + n, size - n, "%14lld", r->ret);
	return n + scnprintf(buf + n, size - n, " %10llu\n", r->count);
}

static const char *const skip_names[HCF_SKIPS] = {
	[HCF_SKIP_DISABLE] = "WD_HC_DISABLE",
	[HCF_SKIP_LIVE_CELL] = "lifecycle call on a live cell",
	[HCF_SKIP_CPU_OFF] = "PSCI CPU_OFF",
	[HCF_SKIP_SYSTEM_OFF_RESET] = "PSCI SYSTEM_OFF/RESET",
	[HCF_SKIP_CPU_ON_ROOT] = "PSCI CPU_ON of an offline root CPU",
};

static const char *const tame_names[HCF_TAMES] = {
	[HCF_TAME_MAPPINGS_BUF] = "CELL_MAPPINGS buffer in Linux RAM moved "
				  "to the module's page",
	[HCF_TAME_PUTC] = "CONSOLE_PUTC character made invalid",
	[HCF_TAME_BLOB] = "CELL_CREATE given a blob with a valid header",
	[HCF_TAME_WRITE] = "CONSOLE_WRITE of Linux RAM made too long",
};

static int print_counters(const char *title, const char *const *names,
			  const u64 *count, unsigned int n, char *buf,
			  size_t size)
{
	unsigned int i;
	int len = scnprintf(buf, size, "%s:\n", title);

	for (i = 0; i < n; i++)
		len += scnprintf(buf + len, size - len, "  %-64s %10llu\n",
				 names[i], count[i]);
	return len;
}

static bool passed(const struct hcf_run *run)
{
	return run->canary_intact && !run->anomalies && !run->table.lost;
}

static int print_summary(const struct hcf_run *run, char *buf, size_t size)
{
	u64 ms = run->ns / 1000000;

	return scnprintf(buf, size,
			 "warden-hcfuzz: %s: seed 0x%llx, %llu calls drawn, "
			 "%llu sent, %llu ms (%llu calls/s)\n"
			 "canary page: %s; lifecycle/create/CPU_ON calls that "
			 "succeeded: %llu; table rows lost: %llu\n",
			 passed(run) ? "PASS" : "FAIL", run->seed, run->calls,
			 run->sent, ms, ms ? run->sent * 1000 / ms : 0,
			 run->canary_intact ? "intact" : "CHANGED",
			 run->anomalies, run->table.lost);
}

/* Sorts the table: call it once, after the run. */
size_t hcf_report(struct hcf_run *run, char *buf, size_t size)
{
	struct hcf_table *t = &run->table;
	size_t n = print_summary(run, buf, size);
	unsigned int i;

	n += print_counters("not sent", skip_names, run->skipped, HCF_SKIPS,
			    buf + n, size - n);
	n += print_counters("sent with an argument changed", tame_names,
			    run->tamed, HCF_TAMES, buf + n, size - n);
	n += scnprintf(buf + n, size - n, "returns (call, value, count):\n");
	sort(t->row, t->rows, sizeof(t->row[0]), row_order, NULL);
	for (i = 0; i < t->rows; i++)
		n += print_row(&t->row[i], buf + n, size - n);
	return n;
}
