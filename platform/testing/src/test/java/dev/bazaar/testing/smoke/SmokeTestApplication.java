package dev.bazaar.testing.smoke;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The configuration the smoke tests' slices start from; each slice enables only its own store. */
@SpringBootApplication
public class SmokeTestApplication {}
