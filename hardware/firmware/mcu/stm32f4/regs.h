#pragma once
// Minimal STM32F411 register map: only the peripherals this board layer uses (RM0383).
#include <cstdint>

namespace stm32 {

#define REG volatile uint32_t

struct RccRegs {
  REG CR, PLLCFGR, CFGR, CIR, AHB1RSTR, AHB2RSTR, RES0[2], APB1RSTR, APB2RSTR, RES1[2], AHB1ENR, AHB2ENR, RES2[2],
      APB1ENR, APB2ENR;
};
struct GpioRegs {
  REG MODER, OTYPER, OSPEEDR, PUPDR, IDR, ODR, BSRR, LCKR, AFR[2];
};
struct UsartRegs {
  REG SR, DR, BRR, CR1, CR2, CR3, GTPR;
};
struct TimRegs {
  REG CR1, CR2, SMCR, DIER, SR, EGR, CCMR1, CCMR2, CCER, CNT, PSC, ARR, RCR, CCR1, CCR2, CCR3, CCR4, BDTR, DCR, DMAR;
};
struct AdcRegs {
  REG SR, CR1, CR2, SMPR1, SMPR2, JOFR[4], HTR, LTR, SQR1, SQR2, SQR3, JSQR, JDR[4], DR;
};
struct AdcCommonRegs {
  REG CSR, CCR;
};
struct IwdgRegs {
  REG KR, PR, RLR, SR;
};
struct SysTickRegs {
  REG CTRL, LOAD, VAL, CALIB;
};

#undef REG

inline RccRegs* const RCC = reinterpret_cast<RccRegs*>(0x40023800u);
inline GpioRegs* const GPIOA = reinterpret_cast<GpioRegs*>(0x40020000u);
inline GpioRegs* const GPIOB = reinterpret_cast<GpioRegs*>(0x40020400u);
inline GpioRegs* const GPIOC = reinterpret_cast<GpioRegs*>(0x40020800u);
inline UsartRegs* const USART2 = reinterpret_cast<UsartRegs*>(0x40004400u);
inline TimRegs* const TIM1 = reinterpret_cast<TimRegs*>(0x40010000u);
inline TimRegs* const TIM3 = reinterpret_cast<TimRegs*>(0x40000400u);
inline TimRegs* const TIM4 = reinterpret_cast<TimRegs*>(0x40000800u);
inline AdcRegs* const ADC1 = reinterpret_cast<AdcRegs*>(0x40012000u);
inline AdcCommonRegs* const ADC_COMMON = reinterpret_cast<AdcCommonRegs*>(0x40012300u);
inline IwdgRegs* const IWDG = reinterpret_cast<IwdgRegs*>(0x40003000u);
inline SysTickRegs* const SYSTICK = reinterpret_cast<SysTickRegs*>(0xE000E010u);
inline volatile uint32_t* const NVIC_ISER = reinterpret_cast<volatile uint32_t*>(0xE000E100u);
inline volatile uint32_t* const SCB_CPACR = reinterpret_cast<volatile uint32_t*>(0xE000ED88u);
inline const volatile uint32_t* const UID = reinterpret_cast<const volatile uint32_t*>(0x1FFF7A10u);

// Bits used below.
constexpr uint32_t RCC_AHB1ENR_GPIOAEN = 1u << 0, RCC_AHB1ENR_GPIOBEN = 1u << 1, RCC_AHB1ENR_GPIOCEN = 1u << 2;
constexpr uint32_t RCC_APB1ENR_TIM3EN = 1u << 1, RCC_APB1ENR_TIM4EN = 1u << 2, RCC_APB1ENR_USART2EN = 1u << 17;
constexpr uint32_t RCC_APB2ENR_TIM1EN = 1u << 0, RCC_APB2ENR_ADC1EN = 1u << 8;
constexpr uint32_t USART_SR_RXNE = 1u << 5, USART_SR_TXE = 1u << 7, USART_SR_ORE = 1u << 3;
constexpr uint32_t USART_CR1_UE = 1u << 13, USART_CR1_TE = 1u << 3, USART_CR1_RE = 1u << 2;
constexpr uint32_t USART_CR1_RXNEIE = 1u << 5, USART_CR1_TXEIE = 1u << 7;
constexpr uint32_t TIM_CR1_CEN = 1u << 0, TIM_BDTR_MOE = 1u << 15, TIM_EGR_UG = 1u << 0;
constexpr uint32_t ADC_CR2_ADON = 1u << 0, ADC_CR2_SWSTART = 1u << 30, ADC_SR_EOC = 1u << 1;
constexpr uint32_t ADC_CCR_TSVREFE = 1u << 23;
constexpr int USART2_IRQn = 38;

}  // namespace stm32
