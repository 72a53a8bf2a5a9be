#include "board_stm32f4.h"

#include "regs.h"

using namespace stm32;

namespace {
constexpr uint32_t kHsiHz = 16000000u;
constexpr uint32_t kPwmTop = 799;  // 16 MHz / 800 = 20 kHz, above hearing
constexpr bool kRightMotorMirrored = true;

volatile uint32_t g_millis = 0;

// Single-producer single-consumer rings shared with the USART2 interrupt.
constexpr uint32_t kRxSize = 512;
constexpr uint32_t kTxSize = 1024;
uint8_t g_rx[kRxSize];
volatile uint32_t g_rx_head = 0;  // written by the ISR
volatile uint32_t g_rx_tail = 0;  // written by the main loop
uint8_t g_tx[kTxSize];
volatile uint32_t g_tx_head = 0;  // main loop
volatile uint32_t g_tx_tail = 0;  // ISR

void gpio_mode(GpioRegs* g, uint32_t pin, uint32_t mode) {
  g->MODER = (g->MODER & ~(3u << (pin * 2))) | (mode << (pin * 2));
}
void gpio_af(GpioRegs* g, uint32_t pin, uint32_t af) {
  gpio_mode(g, pin, 2);
  volatile uint32_t& reg = g->AFR[pin / 8];
  reg = (reg & ~(0xFu << ((pin % 8) * 4))) | (af << ((pin % 8) * 4));
}
void gpio_pull(GpioRegs* g, uint32_t pin, uint32_t pull) {
  g->PUPDR = (g->PUPDR & ~(3u << (pin * 2))) | (pull << (pin * 2));
}
void gpio_write(GpioRegs* g, uint32_t pin, bool high) { g->BSRR = high ? (1u << pin) : (1u << (pin + 16)); }
bool gpio_read(GpioRegs* g, uint32_t pin) { return (g->IDR >> pin) & 1u; }

void encoder_timer(TimRegs* t) {
  t->SMCR = 3;                                              // encoder mode 3: count on both TI1 and TI2 edges
  t->CCMR1 = (1u << 0) | (3u << 4) | (1u << 8) | (3u << 12);  // CC1S=TI1, CC2S=TI2, input filter N=8
  t->CCER = 0;
  t->ARR = 0xFFFF;
  t->CR1 = TIM_CR1_CEN;
}

// Sharp GP2Y0A02 (20-150 cm): output volts (x1000) against distance in mm, decreasing.
constexpr uint16_t kIrMv[] = {2500, 2000, 1300, 900, 650, 500, 450};
constexpr uint16_t kIrMm[] = {200, 250, 400, 600, 900, 1200, 1500};
}  // namespace

void Stm32Board::init() {
  *SCB_CPACR |= 0xFu << 20;  // FPU (also done in Reset_Handler before any float code)
  RCC->AHB1ENR |= RCC_AHB1ENR_GPIOAEN | RCC_AHB1ENR_GPIOBEN | RCC_AHB1ENR_GPIOCEN;
  RCC->APB1ENR |= RCC_APB1ENR_TIM3EN | RCC_APB1ENR_TIM4EN | RCC_APB1ENR_USART2EN;
  RCC->APB2ENR |= RCC_APB2ENR_TIM1EN | RCC_APB2ENR_ADC1EN;

  // Motor driver: SLP low (disabled) before anything else can move.
  gpio_mode(GPIOB, 14, 1);
  gpio_write(GPIOB, 14, false);
  gpio_mode(GPIOB, 12, 1);
  gpio_mode(GPIOB, 13, 1);
  gpio_pull(GPIOB, 15, 1);  // FLT, open drain from the driver, low = fault
  gpio_mode(GPIOB, 15, 0);

  // Fail-safe inputs with pull-ups: NC contacts to ground read low when all is well.
  for (uint32_t pin = 0; pin <= 1; ++pin) {
    gpio_mode(GPIOB, pin, 0);
    gpio_pull(GPIOB, pin, 1);
  }
  gpio_mode(GPIOB, 10, 0);  // charger present (external divider), high = present
  gpio_pull(GPIOB, 10, 2);
  gpio_mode(GPIOC, 13, 1);  // LED

  // USART2 on PA2/PA3, 115200 8N1, RX and TX interrupts.
  gpio_af(GPIOA, 2, 7);
  gpio_af(GPIOA, 3, 7);
  gpio_pull(GPIOA, 3, 1);
  USART2->BRR = (kHsiHz + 57600u) / 115200u;
  USART2->CR1 = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_RXNEIE;
  NVIC_ISER[USART2_IRQn / 32] = 1u << (USART2_IRQn % 32);

  // TIM1 PWM on PA8 (left) and PA9 (right).
  gpio_af(GPIOA, 8, 1);
  gpio_af(GPIOA, 9, 1);
  TIM1->PSC = 0;
  TIM1->ARR = kPwmTop;
  TIM1->CCMR1 = (6u << 4) | (1u << 3) | (6u << 12) | (1u << 11);  // PWM mode 1 with preload on CH1, CH2
  TIM1->CCER = (1u << 0) | (1u << 4);
  TIM1->CCR1 = 0;
  TIM1->CCR2 = 0;
  TIM1->BDTR = TIM_BDTR_MOE;
  TIM1->EGR = TIM_EGR_UG;
  TIM1->CR1 = TIM_CR1_CEN;

  // Encoders: TIM3 on PA6/PA7 (left), TIM4 on PB6/PB7 (right).
  gpio_af(GPIOA, 6, 2);
  gpio_af(GPIOA, 7, 2);
  gpio_af(GPIOB, 6, 2);
  gpio_af(GPIOB, 7, 2);
  encoder_timer(TIM3);
  encoder_timer(TIM4);
  last_left_raw_ = static_cast<uint16_t>(TIM3->CNT);
  last_right_raw_ = static_cast<uint16_t>(TIM4->CNT);

  // ADC1: PA0 range sensor, PA1 pack voltage (1:11 divider), PA4 current sensor; 84-cycle sampling.
  gpio_mode(GPIOA, 0, 3);
  gpio_mode(GPIOA, 1, 3);
  gpio_mode(GPIOA, 4, 3);
  ADC_COMMON->CCR = ADC_CCR_TSVREFE;  // PCLK2/2, temperature sensor on (entropy source)
  ADC1->SMPR2 = 0x24924924u;
  ADC1->SMPR1 = 0x24924924u & 0x07FFFFFFu;
  ADC1->CR2 = ADC_CR2_ADON;

  // SysTick 1 kHz.
  SYSTICK->LOAD = kHsiHz / 1000u - 1u;
  SYSTICK->VAL = 0;
  SYSTICK->CTRL = 7;

  // Independent watchdog: LSI 32 kHz / 32 = 1 kHz, reload 250 -> reset after 250 ms without a kick.
  IWDG->KR = 0x5555;
  IWDG->PR = 3;
  IWDG->RLR = 250;
  IWDG->KR = 0xCCCC;
}

void Stm32Board::kick_watchdog() { IWDG->KR = 0xAAAA; }

uint32_t Stm32Board::millis() { return g_millis; }

void Stm32Board::on_systick() { g_millis = g_millis + 1; }

void Stm32Board::on_usart2() {
  const uint32_t sr = USART2->SR;
  if (sr & (USART_SR_RXNE | USART_SR_ORE)) {
    const uint8_t b = static_cast<uint8_t>(USART2->DR);  // reading DR also clears ORE
    const uint32_t next = (g_rx_head + 1) % kRxSize;
    if (next != g_rx_tail) {  // full: drop; the frame CRC catches the gap
      g_rx[g_rx_head] = b;
      g_rx_head = next;
    }
  }
  if ((sr & USART_SR_TXE) && (USART2->CR1 & USART_CR1_TXEIE)) {
    if (g_tx_tail == g_tx_head) {
      USART2->CR1 &= ~USART_CR1_TXEIE;
    } else {
      USART2->DR = g_tx[g_tx_tail];
      g_tx_tail = (g_tx_tail + 1) % kTxSize;
    }
  }
}

size_t Stm32Board::serial_read(uint8_t* buf, size_t cap) {
  size_t n = 0;
  while (n < cap && g_rx_tail != g_rx_head) {
    buf[n++] = g_rx[g_rx_tail];
    g_rx_tail = (g_rx_tail + 1) % kRxSize;
  }
  return n;
}

size_t Stm32Board::serial_write(const uint8_t* buf, size_t len) {
  size_t n = 0;
  while (n < len) {
    const uint32_t next = (g_tx_head + 1) % kTxSize;
    if (next == g_tx_tail) break;
    g_tx[g_tx_head] = buf[n++];
    g_tx_head = next;
  }
  if (n > 0) USART2->CR1 |= USART_CR1_TXEIE;
  return n;
}

void Stm32Board::set_motors(bool enabled, int16_t left, int16_t right) {
  if (kRightMotorMirrored) right = static_cast<int16_t>(-right);
  gpio_write(GPIOB, 12, left < 0);
  gpio_write(GPIOB, 13, right < 0);
  const uint32_t l = static_cast<uint32_t>(left < 0 ? -left : left);
  const uint32_t r = static_cast<uint32_t>(right < 0 ? -right : right);
  TIM1->CCR1 = enabled ? (l > 1000 ? 1000 : l) * (kPwmTop + 1) / 1000 : 0;
  TIM1->CCR2 = enabled ? (r > 1000 ? 1000 : r) * (kPwmTop + 1) / 1000 : 0;
  gpio_write(GPIOB, 14, enabled);
  gpio_write(GPIOC, 13, !enabled);  // LED on (active low) while the drive is enabled
}

void Stm32Board::emergency_disable() {
  GPIOB->BSRR = 1u << (14 + 16);
  TIM1->CCR1 = 0;
  TIM1->CCR2 = 0;
}

void Stm32Board::read_encoders(int32_t& left, int32_t& right) {
  const uint16_t lr = static_cast<uint16_t>(TIM3->CNT);
  const uint16_t rr = static_cast<uint16_t>(TIM4->CNT);
  left_ += static_cast<int16_t>(static_cast<uint16_t>(lr - last_left_raw_));
  right_ -= static_cast<int16_t>(static_cast<uint16_t>(rr - last_right_raw_));  // mirrored mounting
  last_left_raw_ = lr;
  last_right_raw_ = rr;
  left = left_;
  right = right_;
}

uint16_t Stm32Board::adc_read(uint32_t channel) {
  ADC1->SQR3 = channel;
  ADC1->CR2 |= ADC_CR2_SWSTART;
  for (uint32_t guard = 0; guard < 10000u && !(ADC1->SR & ADC_SR_EOC); ++guard) {
  }
  return static_cast<uint16_t>(ADC1->DR & 0xFFFu);
}

robot::Inputs Stm32Board::read_inputs() {
  robot::Inputs in{};
  in.bumper = gpio_read(GPIOB, 0);
  in.estop_button = gpio_read(GPIOB, 1);
  in.motor_fault = !gpio_read(GPIOB, 15);
  in.charger_contact = gpio_read(GPIOB, 10);
  const uint32_t mv = adc_read(0) * 3300u / 4095u;
  in.obstacle_mm = robot::kNoObstacle;
  if (mv >= kIrMv[6]) {
    in.obstacle_mm = kIrMm[0];
    for (int i = 1; i < 7; ++i) {
      if (mv >= kIrMv[i]) {
        const uint32_t span = kIrMv[i - 1] - kIrMv[i];
        const uint32_t f = span ? (mv > kIrMv[i - 1] ? 0 : (kIrMv[i - 1] - mv) * 1000u / span) : 0;
        in.obstacle_mm = static_cast<uint16_t>(kIrMm[i - 1] + (kIrMm[i] - kIrMm[i - 1]) * f / 1000u);
        break;
      }
    }
  }
  return in;
}

robot::BatteryReading Stm32Board::read_battery() {
  const uint32_t vmv = adc_read(1) * 3300u * 11u / 4095u;
  // ACS758-050B at 5 V (2.5 V at 0 A, 40 mV/A) through a 10k/20k divider: 1667 mV at 0 A, 26.7 mV/A.
  // Positive = charging (sensor oriented so).
  const int32_t imv = static_cast<int32_t>(adc_read(4) * 3300u / 4095u) - 1667;
  int32_t ma = imv * 3000 / 80;
  if (ma > 32767) ma = 32767;
  if (ma < -32767) ma = -32767;
  return robot::BatteryReading{static_cast<uint16_t>(vmv), static_cast<int16_t>(ma)};
}

uint32_t Stm32Board::entropy() {
  uint32_t e = UID[0] ^ (UID[1] << 7) ^ (UID[2] << 13);
  // Least significant bits of the temperature sensor (channel 18) are noise; collect 32 of them.
  for (int i = 0; i < 32; ++i) e = (e << 1 | (e >> 31)) ^ (adc_read(18) & 1u) ^ (SYSTICK->VAL & 1u);
  return e;
}
