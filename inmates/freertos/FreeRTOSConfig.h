/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FreeRTOS configuration for a Warden cell (inmates/freertos/README.md):
 * one CPU at EL1 (GUEST), tick from the EL1 virtual timer (PPI 27) at
 * 1 kHz, heap_4 in .bss, the kernel features the standard demo tasks use.
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#ifndef __ASSEMBLER__
#include <stdint.h>

void bsp_setup_tick(void);
void bsp_clear_tick(void);
void bsp_assert_failed(const char *file, int line);
void bsp_demo_assert_failed(const char *file, int line);
void bsp_switched_in(void);
#endif

#define configUSE_PREEMPTION 1
#define configUSE_TIME_SLICING 1
#define configUSE_PORT_OPTIMISED_TASK_SELECTION 0
#define configUSE_IDLE_HOOK 0
#define configUSE_TICK_HOOK 1
#define configUSE_DAEMON_TASK_STARTUP_HOOK 0
/*
 * 1 kHz, as the demos expect: StreamBufferDemo's block times are 15 ms
 * +- 3 ms, TimerDemo's margins 4 ticks. Under QEMU's one-thread TCG the
 * cell's vCPU waits while a root vCPU runs, and the ticks it missed then
 * come back to back: the root must stay quiet while the demos run (the
 * `freertos` scenario sleeps instead of polling the console).
 */
#define configTICK_RATE_HZ 1000
/* freertos-demo: idle, report, 8 real-time tasks, the timer service. */
#define configMAX_PRIORITIES 11
#define configMINIMAL_STACK_SIZE 512 /* words of 8 bytes */
#define configTOTAL_HEAP_SIZE (1024 * 1024)
#define configMAX_TASK_NAME_LEN 16
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_64_BITS
#define configIDLE_SHOULD_YIELD 1
#define configUSE_MUTEXES 1
#define configUSE_RECURSIVE_MUTEXES 1
#define configUSE_COUNTING_SEMAPHORES 1
#define configUSE_QUEUE_SETS 1
#define configUSE_TASK_NOTIFICATIONS 1
#define configTASK_NOTIFICATION_ARRAY_ENTRIES 3
#define configQUEUE_REGISTRY_SIZE 0
#define configUSE_APPLICATION_TASK_TAG 0
#define configCHECK_FOR_STACK_OVERFLOW 2
#define configUSE_MALLOC_FAILED_HOOK 1
#define configSUPPORT_STATIC_ALLOCATION 1
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#define configKERNEL_PROVIDED_STATIC_MEMORY 1
#define configUSE_STATS_FORMATTING_FUNCTIONS 0
#define configUSE_TRACE_FACILITY 0
#define configUSE_CO_ROUTINES 0
#define configENABLE_BACKWARD_COMPATIBILITY 0
#define configSTACK_DEPTH_TYPE uint32_t
#define configMESSAGE_BUFFER_LENGTH_TYPE size_t

#define configUSE_TIMERS 1
#define configTIMER_TASK_PRIORITY (configMAX_PRIORITIES - 1)
#define configTIMER_QUEUE_LENGTH 20
#define configTIMER_TASK_STACK_DEPTH (configMINIMAL_STACK_SIZE * 2)

#define INCLUDE_vTaskPrioritySet 1
#define INCLUDE_uxTaskPriorityGet 1
#define INCLUDE_vTaskDelete 1
#define INCLUDE_vTaskSuspend 1
#define INCLUDE_xTaskDelayUntil 1
#define INCLUDE_vTaskDelay 1
#define INCLUDE_xTaskGetSchedulerState 1
#define INCLUDE_xTaskGetCurrentTaskHandle 1
#define INCLUDE_xTaskGetIdleTaskHandle 1
#define INCLUDE_xTaskAbortDelay 1
#define INCLUDE_eTaskGetState 1
#define INCLUDE_xTimerPendFunctionCall 1
#define INCLUDE_xTaskGetHandle 1
#define INCLUDE_xSemaphoreGetMutexHolder 1
#define INCLUDE_uxTaskGetStackHighWaterMark 1

/*
 * GIC priorities: 16 levels, priority value = level << 4. Interrupts at
 * level 10 (0xa0) and below may call FromISR APIs; the tick runs at level
 * 14 (0xe0), the lowest usable one, as the port requires. Not 32 levels:
 * the tick would then be 0xf0, and in a trapping cell the physical
 * interrupt is masked by the physical PMR the CPU's last owner left (Linux
 * leaves 0xf0, which masks priority 0xf0 and lower), so it never reaches
 * Warden: a cell's interrupts need priorities numerically below 0xf0
 * (Documentation/inmate-abi.md, porting guide). In a trapping cell every
 * virtual interrupt runs at 0xa0 whatever its configured priority (Warden
 * injects at that priority), which the PMR mask value 0xa0 masks: critical
 * sections keep the tick out, as the port needs.
 */
#define configUNIQUE_INTERRUPT_PRIORITIES 16
#define configMAX_API_CALL_INTERRUPT_PRIORITY 10

/*
 * GICv2 (ARM_AARCH64 port): the distributor and the CPU interface as the
 * cell sees them on QEMU virt (Documentation/inmate-abi.md, section 3: the
 * virtual CPU interface is mapped at the GICC address). main.c checks both
 * against the comm page's gicd_base/gicc_base before starting.
 */
#define configINTERRUPT_CONTROLLER_BASE_ADDRESS 0x08000000UL
#define configINTERRUPT_CONTROLLER_CPU_INTERFACE_OFFSET 0x10000UL

#define configSETUP_TICK_INTERRUPT() bsp_setup_tick()
#define configCLEAR_TICK_INTERRUPT() bsp_clear_tick()
/*
 * Every context switch, after the EOI of the interrupt that caused it:
 * the tick's timer output is unmasked there (tick.c), and freertos-demo
 * accounts the execution time of its tasks.
 */
#define traceTASK_SWITCHED_IN() bsp_switched_in()

/*
 * In the kernel and the port a failed assertion is fatal (the cell fails
 * with the message). In the demo tasks (built with FRT_DEMO) it is the
 * demo's own failure report: printed, and the demo's check then says FAIL.
 */
#ifdef FRT_DEMO
#define configASSERT(x)                                                  \
	do {                                                             \
		if (!(x))                                                \
			bsp_demo_assert_failed(__FILE_NAME__, __LINE__); \
	} while (0)
#else
#define configASSERT(x)                                             \
	do {                                                        \
		if (!(x))                                           \
			bsp_assert_failed(__FILE_NAME__, __LINE__); \
	} while (0)
#endif

#endif
