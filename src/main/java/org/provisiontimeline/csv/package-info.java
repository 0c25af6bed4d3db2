/** CSV for researchers: exports with CSVW metadata, and streamed batch annotation of date lists. */
package org.provisiontimeline.csv;
