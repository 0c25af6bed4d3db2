/** The public web page's server side: security headers (Content-Security-Policy and friends) for the static page and every other response. */
package org.provisiontimeline.web;
