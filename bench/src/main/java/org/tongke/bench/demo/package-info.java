/** The demo's own figures: how soon it is ready, how soon a lesson is in the library, its heap. */
package org.tongke.bench.demo;
