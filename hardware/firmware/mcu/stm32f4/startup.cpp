// Vector table and reset handler for the STM32F411 (no vendor startup files).
#include <cstdint>

#include "board_stm32f4.h"
#include "regs.h"

extern "C" {
extern uint32_t _estack, _sidata, _sdata, _edata, _sbss, _ebss;
extern void (*__preinit_array_start[])(), (*__preinit_array_end[])();
extern void (*__init_array_start[])(), (*__init_array_end[])();
int main();
void Reset_Handler();
void Default_Handler();
void HardFault_Handler();
void SysTick_Handler();
void USART2_IRQHandler();
}

void Default_Handler() {
  Stm32Board::emergency_disable();
  for (;;) {
  }
}

void HardFault_Handler() {
  // Motors off, then hang: the independent watchdog resets the MCU, which boots with the e-stop latched.
  Stm32Board::emergency_disable();
  for (;;) {
  }
}

void SysTick_Handler() { Stm32Board::on_systick(); }
void USART2_IRQHandler() { Stm32Board::on_usart2(); }

void Reset_Handler() {
  *stm32::SCB_CPACR |= 0xFu << 20;  // enable the FPU before any floating-point code runs
  const uint32_t* src = &_sidata;
  for (uint32_t* dst = &_sdata; dst < &_edata;) *dst++ = *src++;
  for (uint32_t* dst = &_sbss; dst < &_ebss;) *dst++ = 0;
  for (auto** f = __preinit_array_start; f < __preinit_array_end; ++f) (**f)();
  for (auto** f = __init_array_start; f < __init_array_end; ++f) (**f)();
  main();
  for (;;) {
  }
}

using Handler = void (*)();

// Initial stack pointer, 15 system exception vectors, then IRQ 0..38 (USART2 is IRQ 38).
__attribute__((section(".isr_vector"), used)) const Handler g_vectors[16 + 39] = {
    reinterpret_cast<Handler>(&_estack),
    Reset_Handler,
    Default_Handler,    // NMI
    HardFault_Handler,
    Default_Handler,    // MemManage
    Default_Handler,    // BusFault
    Default_Handler,    // UsageFault
    nullptr, nullptr, nullptr, nullptr,
    Default_Handler,    // SVCall
    Default_Handler,    // DebugMon
    nullptr,
    Default_Handler,    // PendSV
    SysTick_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    USART2_IRQHandler,
};
