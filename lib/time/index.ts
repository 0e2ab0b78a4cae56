export { systemClock, sleepOn, type Clock, type TimerId } from './clock';
export { SimulatedClock, type ClockSpeed, type SimulatedClockOptions } from './simulated-clock';
