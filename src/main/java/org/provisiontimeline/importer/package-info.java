/** Reading and validating provision documents (data files and API bodies, one code path) and loading data/*.json. */
package org.provisiontimeline.importer;
