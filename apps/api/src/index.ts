// What other packages may use of the api: its factory (tests start it in-process, benchmarks
// compare against it) and the pieces a benchmark's baseline server reuses.
export * from './app.factory.js';
export { ProblemDetailsFilter } from './platform/errors/problem-details.filter.js';
export { CreateOrderDto } from './business/orders/create-order/create-order.dto.js';
