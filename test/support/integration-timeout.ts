// Broker round trips and service start-ups take seconds, not the unit default of 5.
jest.setTimeout(180_000);
