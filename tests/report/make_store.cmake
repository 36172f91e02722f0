# ctest fixture: ingests the example project into STORE (fresh). The example's sheets carry bad
# rows on purpose, so exit code 1 (data problems reported) is expected; anything else fails.
file(REMOVE ${STORE})
get_filename_component(dir ${STORE} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
execute_process(COMMAND ${BINARY} ingest datasets/paca --into ${STORE} --quarantine ${dir}/quarantaine.csv
                WORKING_DIRECTORY ${SOURCE} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc EQUAL 0 AND NOT rc EQUAL 1)
  message(FATAL_ERROR "ingest failed with exit code ${rc}")
endif()
if(NOT EXISTS ${STORE})
  message(FATAL_ERROR "no store written at ${STORE}")
endif()
