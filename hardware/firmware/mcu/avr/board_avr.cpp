#include "board_avr.h"

#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/wdt.h>
#include <util/atomic.h>

namespace {
constexpr uint16_t kPwmTop = 799;  // 16 MHz / 800 = 20 kHz
volatile uint32_t g_millis = 0;
volatile int32_t g_enc_left = 0;
volatile int32_t g_enc_right = 0;
volatile uint8_t g_state_left = 0;
volatile uint8_t g_state_right = 0;

constexpr uint8_t kRxSize = 128;
constexpr uint16_t kTxSize = 256;  // 8-bit indices wrap by themselves: no torn 16-bit reads vs. the ISR
uint8_t g_rx[kRxSize];
volatile uint8_t g_rx_head = 0;
volatile uint8_t g_rx_tail = 0;
uint8_t g_tx[kTxSize];
volatile uint8_t g_tx_head = 0;
volatile uint8_t g_tx_tail = 0;

// x4 quadrature decoding: index (previous AB << 2 | current AB) -> step.
const int8_t kQuad[16] = {0, 1, -1, 0, -1, 0, 0, 1, 1, 0, 0, -1, 0, -1, 1, 0};

// Sharp GP2Y0A02 output (mV, decreasing) against distance (mm).
const uint16_t kIrMv[] = {2500, 2000, 1300, 900, 650, 500, 450};
const uint16_t kIrMm[] = {200, 250, 400, 600, 900, 1200, 1500};
}  // namespace

ISR(TIMER1_COMPA_vect) { g_millis = g_millis + 1; }

ISR(USART0_RX_vect) {
  const uint8_t b = UDR0;
  const uint8_t next = static_cast<uint8_t>((g_rx_head + 1) % kRxSize);
  if (next != g_rx_tail) {  // full: drop, the frame CRC catches the gap
    g_rx[g_rx_head] = b;
    g_rx_head = next;
  }
}

ISR(USART0_UDRE_vect) {
  if (g_tx_tail == g_tx_head) {
    UCSR0B &= static_cast<uint8_t>(~_BV(UDRIE0));
    return;
  }
  UDR0 = g_tx[g_tx_tail];
  g_tx_tail = static_cast<uint8_t>(g_tx_tail + 1);
}

static void left_edge() {
  const uint8_t s = static_cast<uint8_t>(PIND & 0x03);
  g_enc_left += kQuad[(g_state_left << 2) | s];
  g_state_left = s;
}
static void right_edge() {
  const uint8_t s = static_cast<uint8_t>((PIND >> 2) & 0x03);
  g_enc_right -= kQuad[(g_state_right << 2) | s];  // mirrored mounting
  g_state_right = s;
}
ISR(INT0_vect) { left_edge(); }
ISR(INT1_vect) { left_edge(); }
ISR(INT2_vect) { right_edge(); }
ISR(INT3_vect) { right_edge(); }

void AvrBoard::init() {
  // Driver disabled (SLP low) first; DIR and SLP outputs on PA0..PA2, FLT input with pull-up on PA3.
  DDRA = _BV(PA0) | _BV(PA1) | _BV(PA2);
  PORTA = _BV(PA3);
  // Bumper PC0 and e-stop PC1: NC contacts to ground, pull-ups (open = pressed or broken); charger PC2.
  DDRC = 0;
  PORTC = _BV(PC0) | _BV(PC1);
  DDRB |= _BV(PB7);  // LED D13
  // Timer3 fast PWM, TOP = ICR3, non-inverting on OC3A (PE3, D5) and OC3B (PE4, D2).
  DDRE |= _BV(PE3) | _BV(PE4);
  TCCR3A = _BV(COM3A1) | _BV(COM3B1) | _BV(WGM31);
  TCCR3B = _BV(WGM33) | _BV(WGM32) | _BV(CS30);
  ICR3 = kPwmTop;
  OCR3A = 0;
  OCR3B = 0;
  // Timer1 CTC 1 kHz: 16 MHz / 64 / 250.
  TCCR1A = 0;
  TCCR1B = _BV(WGM12) | _BV(CS11) | _BV(CS10);
  OCR1A = 249;
  TIMSK1 = _BV(OCIE1A);
  // Encoders on INT0..INT3 (PD0..PD3), any edge, pull-ups.
  DDRD &= static_cast<uint8_t>(~0x0F);
  PORTD |= 0x0F;
  g_state_left = static_cast<uint8_t>(PIND & 0x03);
  g_state_right = static_cast<uint8_t>((PIND >> 2) & 0x03);
  EICRA = _BV(ISC00) | _BV(ISC10) | _BV(ISC20) | _BV(ISC30);
  EIMSK = _BV(INT0) | _BV(INT1) | _BV(INT2) | _BV(INT3);
  // USART0 115200 8N1, double speed (UBRR 16 -> 117647 baud, 2.1 % error, within tolerance).
  UCSR0A = _BV(U2X0);
  UBRR0 = 16;
  UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
  UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);
  // ADC: AVcc reference, prescaler 128 (125 kHz).
  ADMUX = _BV(REFS0);
  ADCSRA = _BV(ADEN) | _BV(ADPS2) | _BV(ADPS1) | _BV(ADPS0);
  wdt_enable(WDTO_250MS);
  sei();
}

void AvrBoard::kick_watchdog() { wdt_reset(); }

uint32_t AvrBoard::millis() {
  uint32_t m;
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) { m = g_millis; }
  return m;
}

size_t AvrBoard::serial_read(uint8_t* buf, size_t cap) {
  size_t n = 0;
  while (n < cap && g_rx_tail != g_rx_head) {
    buf[n++] = g_rx[g_rx_tail];
    g_rx_tail = static_cast<uint8_t>((g_rx_tail + 1) % kRxSize);
  }
  return n;
}

size_t AvrBoard::serial_write(const uint8_t* buf, size_t len) {
  size_t n = 0;
  while (n < len) {
    const uint8_t next = static_cast<uint8_t>(g_tx_head + 1);
    if (next == g_tx_tail) break;
    g_tx[g_tx_head] = buf[n++];
    g_tx_head = next;
  }
  if (n > 0) UCSR0B |= _BV(UDRIE0);
  return n;
}

void AvrBoard::set_motors(bool enabled, int16_t left, int16_t right) {
  right = static_cast<int16_t>(-right);  // mirrored mounting
  if (left < 0) PORTA |= _BV(PA0); else PORTA &= static_cast<uint8_t>(~_BV(PA0));
  if (right < 0) PORTA |= _BV(PA1); else PORTA &= static_cast<uint8_t>(~_BV(PA1));
  const uint32_t l = static_cast<uint32_t>(left < 0 ? -left : left);
  const uint32_t r = static_cast<uint32_t>(right < 0 ? -right : right);
  OCR3A = enabled ? static_cast<uint16_t>((l > 1000 ? 1000 : l) * (kPwmTop + 1UL) / 1000UL) : 0;
  OCR3B = enabled ? static_cast<uint16_t>((r > 1000 ? 1000 : r) * (kPwmTop + 1UL) / 1000UL) : 0;
  if (enabled) {
    PORTA |= _BV(PA2);
    PORTB |= _BV(PB7);
  } else {
    PORTA &= static_cast<uint8_t>(~_BV(PA2));
    PORTB &= static_cast<uint8_t>(~_BV(PB7));
  }
}

void AvrBoard::read_encoders(int32_t& left, int32_t& right) {
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
    left = g_enc_left;
    right = g_enc_right;
  }
}

uint16_t AvrBoard::adc_read(uint8_t channel) {
  ADMUX = static_cast<uint8_t>(_BV(REFS0) | (channel & 0x07));
  ADCSRB = static_cast<uint8_t>(channel & 0x08 ? _BV(MUX5) : 0);
  ADCSRA |= _BV(ADSC);
  while (ADCSRA & _BV(ADSC)) {
  }
  return ADC;
}

robot::Inputs AvrBoard::read_inputs() {
  robot::Inputs in{};
  in.bumper = PINC & _BV(PC0);
  in.estop_button = PINC & _BV(PC1);
  in.charger_contact = PINC & _BV(PC2);
  in.motor_fault = !(PINA & _BV(PA3));
  const uint32_t mv = adc_read(0) * 5000UL / 1023UL;
  in.obstacle_mm = robot::kNoObstacle;
  if (mv >= kIrMv[6]) {
    in.obstacle_mm = kIrMm[0];
    for (uint8_t i = 1; i < 7; ++i) {
      if (mv >= kIrMv[i]) {
        const uint32_t span = kIrMv[i - 1] - kIrMv[i];
        const uint32_t f = mv > kIrMv[i - 1] ? 0 : (kIrMv[i - 1] - mv) * 1000UL / span;
        in.obstacle_mm = static_cast<uint16_t>(kIrMm[i - 1] + (kIrMm[i] - kIrMm[i - 1]) * f / 1000UL);
        break;
      }
    }
  }
  return in;
}

robot::BatteryReading AvrBoard::read_battery() {
  const uint32_t vmv = adc_read(1) * 5000UL * 11UL / 1023UL;
  // ACS758-050B at 5 V: 2500 mV at 0 A, 40 mV/A.
  const int32_t imv = static_cast<int32_t>(adc_read(2) * 5000UL / 1023UL) - 2500;
  int32_t ma = imv * 1000L / 40L;
  if (ma > 32767) ma = 32767;
  if (ma < -32767) ma = -32767;
  return robot::BatteryReading{static_cast<uint16_t>(vmv), static_cast<int16_t>(ma)};
}

uint32_t AvrBoard::entropy() {
  // LSBs of an unconnected ADC input (A15) and the free-running PWM counter.
  uint32_t e = 0;
  for (uint8_t i = 0; i < 32; ++i) e = (e << 1 | (e >> 31)) ^ (adc_read(15) & 1u) ^ (TCNT3 & 1u);
  return e;
}
