// SPDX-License-Identifier: GPL-2.0
/*
 * freertos-test: FreeRTOS's standard self-checking demo tasks
 * (FreeRTOS-Demo-Common/Minimal) that fit a single-core port, and the
 * usual check task: every CHECK_PERIOD_MS it asks each demo whether it is
 * still running correctly and prints one PASS/FAIL line per demo and a
 * summary line. The `freertos` scenario counts those lines.
 *
 * Built with FREERTOS_FAULT (freertos-fault), a task also writes outside
 * the cell's memory after FAULT_AFTER_MS: Warden must fail the cell.
 * Built with FREERTOS_IDLE (freertos-idle), only the kernel runs (idle
 * and timer service tasks, the tick): what an idle FreeRTOS cell costs.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/printf.h>
#include <inmate/tick_latency.h>
#include <inmate/timer.h>

#include "FreeRTOS.h"
#include "task.h"
#include "bsp.h"

#include "AbortDelay.h"
#include "BlockQ.h"
#include "EventGroupsDemo.h"
#include "GenQTest.h"
#include "IntQueue.h"
#include "IntQueueTimer.h"
#include "IntSemTest.h"
#include "MessageBufferDemo.h"
#include "PollQ.h"
#include "QPeek.h"
#include "QueueOverwrite.h"
#include "QueueSet.h"
#include "QueueSetPolling.h"
#include "StaticAllocation.h"
#include "StreamBufferDemo.h"
#include "StreamBufferInterrupt.h"
#include "TaskNotify.h"
#include "TaskNotifyArray.h"
#include "TimerDemo.h"
#include "blocktim.h"
#include "countsem.h"
#include "death.h"
#include "dynamic.h"
#include "integer.h"
#include "recmutex.h"
#include "semtest.h"

#define CHECK_PERIOD_MS 2000
#define CHECK_PRIORITY (configMAX_PRIORITIES - 1)
#define TIMER_TEST_PERIOD 50
#define FAULT_AFTER_MS 3000
#define FAULT_ADDR 0x60000000ul /* no cell region there (inmate-abi.md) */
/* The BSP's own check: a critical section spanning tick deadlines. */
#define LATENCY_REPORT_S 10 /* after the freertos scenario's idle window */
#define CRITICAL_PERIOD_MS 500
#define CRITICAL_SPAN_NS 1500000ull /* crosses at least one 1 ms tick */

static BaseType_t timer_demo_ok(void)
{
	return xAreTimerDemoTasksStillRunning(pdMS_TO_TICKS(CHECK_PERIOD_MS));
}

static const struct demo {
	const char *name;
	BaseType_t (*still_running)(void);
} demos[] = {
	{"BlockQ", xAreBlockingQueuesStillRunning},
	{"BlockTim", xAreBlockTimeTestTasksStillRunning},
	{"CountSem", xAreCountingSemaphoreTasksStillRunning},
	{"RecMutex", xAreRecursiveMutexTasksStillRunning},
	{"GenQ", xAreGenericQueueTasksStillRunning},
	{"QPeek", xAreQueuePeekTasksStillRunning},
	{"QueueSet", xAreQueueSetTasksStillRunning},
	{"QSetPoll", xAreQueueSetPollTasksStillRunning},
	{"QOverwrite", xIsQueueOverwriteTaskStillRunning},
	{"TaskNotify", xAreTaskNotificationTasksStillRunning},
	{"NotifyArray", xAreTaskNotificationArrayTasksStillRunning},
	{"TimerDemo", timer_demo_ok},
	{"EventGroups", xAreEventGroupTasksStillRunning},
	{"StreamBuf", xAreStreamBufferTasksStillRunning},
	{"StreamBufISR", xIsInterruptStreamBufferDemoStillRunning},
	{"MessageBuf", xAreMessageBufferTasksStillRunning},
	{"StaticAlloc", xAreStaticAllocationTasksStillRunning},
	{"AbortDelay", xAreAbortDelayTestTasksStillRunning},
	{"Dynamic", xAreDynamicPriorityTasksStillRunning},
	{"IntSem", xAreInterruptSemaphoreTasksStillRunning},
	{"IntQueue", xAreIntQueueTasksStillRunning},
	{"SemTest", xAreSemaphoreTasksStillRunning},
	{"PollQ", xArePollingQueuesStillRunning},
	{"IntMath", xAreIntegerMathsTaskStillRunning},
	{"Death", xIsCreateTaskStillRunning},
};

/* Called from every tick (configUSE_TICK_HOOK): the demos' ISR halves. */
void vApplicationTickHook(void)
{
#ifdef FREERTOS_IDLE
	return; /* no demo state to touch */
#endif
	vTimerPeriodicISRTests();
	vQueueOverwritePeriodicISRDemo();
	vQueueSetAccessQueueSetFromISR();
	vQueueSetPollingInterruptAccess();
	vPeriodicEventGroupsProcessing();
	xNotifyTaskFromISR();
	xNotifyArrayTaskFromISR();
	vInterruptSemaphorePeriodicTest();
	vPeriodicStreamBufferProcessing();
	vBasicStreamBufferSendFromISR();
	bsp_intq_tick();
}

/*
 * The port's critical sections must keep the tick out: in a direct-IRQ
 * cell the SRE port's PMR writes go to the unused virtual interface and
 * mask nothing (inmates/freertos/direct/portmacro.h). A low-priority task
 * busy-waits 1.5 ms inside one: the tick count must not move meanwhile.
 * The tick then comes late, once, every half second.
 */
static volatile bool critical_broken;
static volatile unsigned long critical_runs;

static void critical_task(void *arg)
{
	(void)arg;
	for (;;) {
		TickType_t before;

		vTaskDelay(pdMS_TO_TICKS(CRITICAL_PERIOD_MS));
		taskENTER_CRITICAL();
		before = xTaskGetTickCount();
		inmate_sleep_ns(CRITICAL_SPAN_NS);
		if (xTaskGetTickCount() != before)
			critical_broken = true;
		taskEXIT_CRITICAL();
		critical_runs++;
	}
}

/* Still running and never broken since the last report. */
static bool critical_sections_ok(void)
{
	static unsigned long last_runs;
	bool ok = !critical_broken && critical_runs > last_runs;

	last_runs = critical_runs;
	return ok;
}

/* One report: a line per demo, the BSP's check, then the summary. */
static void check_all(unsigned long seconds)
{
	unsigned int pass = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(demos); i++) {
		bool ok = demos[i].still_running() == pdPASS;

		pass += ok;
		printf("freertos: t=%lus %-12s %s\n", seconds, demos[i].name,
		       ok ? "PASS" : "FAIL");
	}
	printf("freertos: t=%lus bsp critical sections keep the tick out: "
	       "%s (%lu runs)\n",
	       seconds, critical_sections_ok() ? "PASS" : "FAIL",
	       critical_runs);
	printf("freertos: t=%lus demos %u pass %u fail %u\n", seconds,
	       (unsigned int)ARRAY_SIZE(demos), pass,
	       (unsigned int)ARRAY_SIZE(demos) - pass);
}

static void check_task(void *arg)
{
	TickType_t wake = xTaskGetTickCount();
	unsigned long ms = 0;

	(void)arg;
	for (;;) {
		xTaskDelayUntil(&wake, pdMS_TO_TICKS(CHECK_PERIOD_MS));
		ms += CHECK_PERIOD_MS;
		check_all(ms / 1000);
	}
}

#ifdef FREERTOS_FAULT
/* The injected fault: a task writes where the cell has no memory. */
static void fault_task(void *arg)
{
	(void)arg;
	vTaskDelay(pdMS_TO_TICKS(FAULT_AFTER_MS));
	printf("freertos: fault task writes 0x%lx\n", FAULT_ADDR);
	*(volatile unsigned long *)FAULT_ADDR = 0xdead;
	printf("freertos: the write outside the cell did not fault\n");
	vTaskDelete(NULL);
}
#endif

#ifdef FREERTOS_IDLE
/*
 * freertos-idle: every LATENCY_REPORT_S, the tick's delivery latency so
 * far (tick_latency.c), in counter ticks: one wake-up per report.
 */
static void latency_task(void *arg)
{
	struct tick_latency l;

	(void)arg;
	for (unsigned long s = LATENCY_REPORT_S;; s += LATENCY_REPORT_S) {
		vTaskDelay(pdMS_TO_TICKS(LATENCY_REPORT_S * 1000));
		tick_latency_summary(&l);
		printf("freertos: t=%lus tick latency n=%lu min=%lu mode=%lu "
		       "p99=%lu max=%lu (ticks of %lu Hz)\n",
		       s, l.n, l.min, l.mode, l.p99, l.max, timer_frequency());
	}
}
#endif

static void start_demos(void)
{
	vStartDynamicPriorityTasks();
	vStartBlockingQueueTasks(tskIDLE_PRIORITY + 2);
	vCreateBlockTimeTasks();
	vStartCountingSemaphoreTasks();
	vStartGenericQueueTasks(tskIDLE_PRIORITY);
	vStartRecursiveMutexTasks();
	vStartQueuePeekTasks();
	vStartSemaphoreTasks(tskIDLE_PRIORITY + 1);
	vStartPolledQueueTasks(tskIDLE_PRIORITY + 2);
	vStartIntegerMathTasks(tskIDLE_PRIORITY);
	vStartTimerDemoTask(TIMER_TEST_PERIOD);
	vStartQueueOverwriteTask(tskIDLE_PRIORITY);
	vStartEventGroupTasks();
	vStartTaskNotifyTask();
	vStartTaskNotifyArrayTask();
	vStartInterruptSemaphoreTasks();
	vStartInterruptQueueTasks();
	vStartQueueSetTasks();
	vStartQueueSetPollingTask();
	vStartStreamBufferTasks();
	vStartStreamBufferInterruptDemo();
	vStartMessageBufferTasks(configMINIMAL_STACK_SIZE);
	vCreateAbortDelayTasks();
	vStartStaticallyAllocatedTasks();
}

void inmate_main(void)
{
	printf("freertos: FreeRTOS %s, port %s, console %s\n",
	       tskKERNEL_VERSION_NUMBER, bsp_port_name(), console_name());
	if (!bsp_init())
		return;
#ifdef FREERTOS_IDLE
	xTaskCreate(latency_task, "latency", configMINIMAL_STACK_SIZE, NULL,
		    tskIDLE_PRIORITY + 1, NULL);
	printf("freertos: idle, scheduler starting\n");
	vTaskStartScheduler();
	return;
#endif
	start_demos();
	xTaskCreate(check_task, "check", configMINIMAL_STACK_SIZE * 2, NULL,
		    CHECK_PRIORITY, NULL);
	xTaskCreate(critical_task, "critical", configMINIMAL_STACK_SIZE, NULL,
		    tskIDLE_PRIORITY + 1, NULL);
#ifdef FREERTOS_FAULT
	xTaskCreate(fault_task, "fault", configMINIMAL_STACK_SIZE, NULL,
		    tskIDLE_PRIORITY + 1, NULL);
#endif
	/* Last, as the demo requires: it counts the tasks that exist now. */
	vCreateSuicidalTasks(tskIDLE_PRIORITY + 3);
	printf("freertos: %u demos, %lu tasks, scheduler starting\n",
	       (unsigned int)ARRAY_SIZE(demos),
	       (unsigned long)uxTaskGetNumberOfTasks());
	vTaskStartScheduler();
	printf("freertos: scheduler returned\n");
}
