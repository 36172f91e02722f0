# One browser case: writes the report OUT with `maillage report STORE ARGS...`, then opens it in
# headless chromium (browser_test.py). Sections: 7 in every report; at most MAX_PAGES printed A4 pages.
execute_process(COMMAND ${BINARY} report ${STORE} -o ${OUT} ${ARGS}
                WORKING_DIRECTORY ${SOURCE} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "maillage report failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${PYTHON} ${SOURCE}/tests/report/browser_test.py ${OUT} --figures ${FIGURES} --sections 7 --max-pages ${MAX_PAGES}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "browser test failed (${rc})")
endif()
